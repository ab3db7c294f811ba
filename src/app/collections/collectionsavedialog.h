// SPDX-License-Identifier: MIT
// Sextant: the small "Save As" dialog of collections: a request name and a target folder.
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Sextant::App {

/**
 * Asks for a request name and one of the user's collection folders. OK is enabled only for a non-empty name that
 * is not taken in the chosen folder (no silent overwrite); the name is shown as it will be stored (sanitized).
 * UI thread; pure input, it writes nothing.
 */
class CollectionSaveDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionSaveDialog)

public:
    explicit CollectionSaveDialog(QWidget *parent = nullptr);
    ~CollectionSaveDialog() override;

    /// Folders to offer: (label shown, directory path), in order.
    void setFolders(const QList<QPair<QString, QString>> &folders);
    void setCurrentFolder(const QString &dir);
    void setName(const QString &name);

    QString name() const;
    QString folder() const;
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *folderBox() const { return m_folder; }

private:
    void updateState();

    QLineEdit *m_name = nullptr;
    QComboBox *m_folder = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Sextant::App
