// SPDX-License-Identifier: MIT
// Sextant: the result pane: lazy JSON tree, raw JSON, GraphQL errors and a status line.
#include "resultview.h"

#include "ui_resultview.h"

#include <core/response/graphqlresponse.h>
#include <core/response/responsedocument.h>
#include <models/errorlistmodel.h>
#include <models/responsetreemodel.h>
#include <models/roles.h>

#include <QFontDatabase>
#include <QHeaderView>
#include <QStyle>

namespace Sextant::App {

namespace {

// The raw tab shows at most this much text: a QPlainTextEdit stalls on tens of MB (the chunked raw view of
// [4/6] lifts this; until then the tree is the way to browse huge responses).
constexpr qsizetype RawViewLimit = 4 * 1024 * 1024;

QString rawText(const QByteArray &bytes)
{
    if (bytes.size() <= RawViewLimit)
        return QString::fromUtf8(bytes);
    return QString::fromUtf8(bytes.left(RawViewLimit))
        + QStringLiteral("\n\n… (%1 more bytes not shown; browse them in the Tree tab)").arg(bytes.size() - RawViewLimit);
}

} // namespace

ResultView::ResultView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ResultView>())
    , m_model(new Models::ResponseTreeModel(this))
    , m_errors(new Models::ErrorListModel(this))
{
    m_ui->setupUi(this);
    m_ui->treeView->setModel(m_model);
    m_ui->treeView->header()->resizeSection(0, 220);
    m_ui->treeView->header()->resizeSection(1, 260);
    m_ui->errorsView->setModel(m_errors);
    m_ui->errorsView->horizontalHeader()->setStretchLastSection(true);
    m_ui->errorsView->horizontalHeader()->resizeSection(0, 320);
    m_ui->errorsView->verticalHeader()->hide();
    m_ui->rawView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->messageLabel->hide();
    // A click follows the error; Enter (activated) too, unless the style already activates on single click.
    connect(m_ui->errorsView, &QTableView::clicked, this, &ResultView::activateError);
    if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_ui->errorsView))
        connect(m_ui->errorsView, &QTableView::activated, this, &ResultView::activateError);
}

ResultView::~ResultView() = default;

void ResultView::showRunning(const QString &text)
{
    m_ui->messageLabel->hide();
    m_ui->messageLabel->clear();
    m_ui->statusLabel->setText(text);
}

void ResultView::setStatusText(const QString &text)
{
    m_ui->statusLabel->setText(text);
}

QString ResultView::statusText() const
{
    return m_ui->statusLabel->text();
}

void ResultView::showResponse(std::shared_ptr<const Core::ResponseDocument> document,
                              const Core::GraphQLResponse &response, const QString &statusLine)
{
    m_ui->messageLabel->hide();
    m_ui->messageLabel->clear();
    const QByteArray pretty = document ? document->toJson(document->root(), 2) : QByteArray();
    m_ui->rawView->setPlainText(rawText(pretty));
    m_model->setDocument(std::move(document));
    m_errors->setErrors(response.errors);
    setErrorsTabTitle(int(response.errors.size()));

    // Open the answer like GraphiQL shows it, breadth first, until about a screenful of rows is visible; big
    // responses stay collapsed below that (and arrays fetch their rows lazily).
    QList<QModelIndex> queue;
    for (int row = 0; row < m_model->rowCount(); ++row)
        queue.append(m_model->index(row, 0));
    int visibleRows = int(queue.size());
    constexpr int ExpandBudget = 120;
    while (!queue.isEmpty() && visibleRows < ExpandBudget) {
        const QModelIndex index = queue.takeFirst();
        const int children = m_model->rowCount(index) + (m_model->canFetchMore(index) ? 1 : 0);
        if (children == 0 || visibleRows + children > ExpandBudget)
            continue;
        m_ui->treeView->expand(index);
        visibleRows += m_model->rowCount(index);
        for (int row = 0; row < m_model->rowCount(index); ++row)
            queue.append(m_model->index(row, 0, index));
    }

    QString status = statusLine;
    if (!response.errors.isEmpty()) {
        status += (response.errors.size() == 1 ? QStringLiteral(" · 1 error") : QStringLiteral(" · %1 errors").arg(response.errors.size()));
        if (!response.hasData)
            status += QStringLiteral(" (request error: nothing was executed)");
        else if (response.dataIsNull)
            status += QStringLiteral(" (data is null)");
        else
            status += QStringLiteral(" (partial data)");
    }
    m_ui->statusLabel->setText(status);
    m_ui->tabs->setCurrentWidget((!response.hasData || response.dataIsNull) && !response.errors.isEmpty()
                                     ? m_ui->errorsTab
                                     : m_ui->treeTab);
}

void ResultView::showMessage(const QString &message, const QString &statusLine, const QByteArray &body)
{
    m_model->clear();
    m_errors->setErrors({});
    setErrorsTabTitle(0);
    m_ui->rawView->setPlainText(rawText(body));
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->show();
    m_ui->statusLabel->setText(statusLine);
    if (!body.isEmpty())
        m_ui->tabs->setCurrentWidget(m_ui->rawTab);
}

QString ResultView::messageText() const
{
    return m_ui->messageLabel->isVisibleTo(const_cast<ResultView *>(this)) ? m_ui->messageLabel->text() : QString();
}

QTreeView *ResultView::treeView() const
{
    return m_ui->treeView;
}

QTableView *ResultView::errorsView() const
{
    return m_ui->errorsView;
}

QPlainTextEdit *ResultView::rawView() const
{
    return m_ui->rawView;
}

QTabWidget *ResultView::tabs() const
{
    return m_ui->tabs;
}

Models::ResponseTreeModel *ResultView::responseModel() const
{
    return m_model;
}

Models::ErrorListModel *ResultView::errorModel() const
{
    return m_errors;
}

void ResultView::activateError(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QVariantList path = index.data(Models::ErrorPathRole).toList();
    if (!path.isEmpty()) {
        // Error paths start below `data` (GraphQL spec §7.1.2); the tree's top level is the response object.
        const QModelIndex target = m_model->indexForPath(QVariantList{QStringLiteral("data")} + path);
        if (target.isValid()) {
            for (QModelIndex p = target.parent(); p.isValid(); p = p.parent())
                m_ui->treeView->expand(p);
            m_ui->treeView->setCurrentIndex(target);
            m_ui->treeView->scrollTo(target);
        }
    }
    const int line = index.data(Models::ErrorLocationLineRole).toInt();
    const int column = index.data(Models::ErrorLocationColumnRole).toInt();
    if (line > 0)
        emit errorLocationActivated(line, column);
}

void ResultView::setErrorsTabTitle(int count)
{
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_ui->errorsTab),
                           count > 0 ? QStringLiteral("Errors (%1)").arg(count) : QStringLiteral("Errors"));
}

} // namespace Sextant::App
