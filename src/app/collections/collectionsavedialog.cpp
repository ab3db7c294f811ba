// SPDX-License-Identifier: MIT
// Sextant: name + folder input for saving a request into a collection, refusing names already taken.
#include "app/collections/collectionsavedialog.h"

#include "store/collectionstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using Sextant::Store::CollectionStore;

namespace Sextant::App {

CollectionSaveDialog::CollectionSaveDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_folder(new QComboBox(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Save Request As"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Folder:"), m_folder);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CollectionSaveDialog::updateState);
    connect(m_folder, &QComboBox::currentIndexChanged, this, &CollectionSaveDialog::updateState);
    updateState();
}

CollectionSaveDialog::~CollectionSaveDialog() = default;

void CollectionSaveDialog::setFolders(const QList<QPair<QString, QString>> &folders)
{
    m_folder->clear();
    for (const auto &[label, dir] : folders)
        m_folder->addItem(label, dir);
    updateState();
}

void CollectionSaveDialog::setCurrentFolder(const QString &dir)
{
    const int index = m_folder->findData(dir);
    if (index >= 0)
        m_folder->setCurrentIndex(index);
}

void CollectionSaveDialog::setName(const QString &name)
{
    m_name->setText(name);
    m_name->selectAll();
}

QString CollectionSaveDialog::name() const
{
    return CollectionStore::sanitizeFileName(m_name->text());
}

QString CollectionSaveDialog::folder() const
{
    return m_folder->currentData().toString();
}

void CollectionSaveDialog::updateState()
{
    QString hint;
    bool ok = !m_name->text().trimmed().isEmpty() && !folder().isEmpty();
    if (ok) {
        const QString path = folder() + u'/' + name() + CollectionStore::documentSuffix();
        if (QFileInfo::exists(path) || QFileInfo::exists(CollectionStore::sidecarPath(path))) {
            hint = tr("A request named “%1” exists in that folder.").arg(name());
            ok = false;
        } else if (name() != m_name->text().trimmed()) {
            hint = tr("Saved as “%1”.").arg(name());
        }
    }
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(ok);
}

} // namespace Sextant::App
