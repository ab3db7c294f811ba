// SPDX-License-Identifier: MIT
// Sextant: message list + embedded result tree for subscriptions; parses payloads on the background pool.
#include "app/subscriptions/subscriptionview.h"

#include "app/result/resultview.h"
#include "app/run/backgroundpool.h"
#include "app/subscriptions/subscriptionmessagemodel.h"

#include <core/response/graphqlresponse.h>
#include <core/response/responsedocument.h>
#include <net/httpresult.h>

#include <QCheckBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

struct ParsedMessage
{
    std::shared_ptr<const Core::ResponseDocument> document;
    Core::GraphQLResponse response;
    QString error;
};

ParsedMessage parseMessage(const QByteArray &json)
{
    ParsedMessage parsed;
    Core::ResponseDocument::ParseError error;
    parsed.document = Core::ResponseDocument::parse(json, &error);
    if (!parsed.document)
        parsed.error = error.message;
    else
        parsed.response = Core::readGraphQLResponse(*parsed.document);
    return parsed;
}

} // namespace

SubscriptionView::SubscriptionView(QWidget *parent)
    : QWidget(parent),
      m_status(new QLabel(this)),
      m_follow(new QCheckBox(tr("Follow latest"), this)),
      m_table(new QTableView(this)),
      m_model(new SubscriptionMessageModel(this)),
      m_resultView(new ResultView(this)),
      m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(u"subscriptionView"_s);
    m_status->setObjectName(u"subscriptionStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_follow->setObjectName(u"subscriptionFollowLatest"_s);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Select and show each new message as it arrives"));
    m_table->setObjectName(u"subscriptionMessages"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(SubscriptionMessageModel::SummaryColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SubscriptionMessageModel::TimeColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SubscriptionMessageModel::NumberColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Subscription messages"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(4, 2, 4, 2);
    top->addWidget(m_status, 1);
    top->addWidget(m_follow);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_resultView);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showRow(current.row());
            });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on && m_model->rowCount() > 0)
            selectMessage(m_model->rowCount() - 1);
    });
    m_resultView->setStatusText(tr("Select a message to see it as a tree"));
}

SubscriptionView::~SubscriptionView()
{
    ++m_generation; // a parse still running is dropped (its watcher is a child and goes with us)
}

void SubscriptionView::clear()
{
    ++m_generation;
    m_parsing = false;
    m_wantedNumber = 0;
    m_shownNumber = 0;
    m_wantedJson.clear();
    m_model->clear();
    m_resultView->showRunning(tr("Waiting for messages…"));
}

void SubscriptionView::appendMessage(const QDateTime &receivedAt, const QByteArray &payloadJson)
{
    m_model->append(receivedAt, payloadJson);
    if (m_follow->isChecked()) {
        m_selectingLatest = true;
        selectMessage(m_model->rowCount() - 1);
        m_selectingLatest = false;
        m_table->scrollToBottom();
    }
}

void SubscriptionView::setStatusText(const QString &text)
{
    m_status->setText(text);
}

QString SubscriptionView::statusText() const
{
    return m_status->text();
}

bool SubscriptionView::followLatest() const
{
    return m_follow->isChecked();
}

void SubscriptionView::setFollowLatest(bool follow)
{
    m_follow->setChecked(follow);
}

bool SubscriptionView::selectMessage(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const QModelIndex index = m_model->index(row, SubscriptionMessageModel::SummaryColumn);
    if (m_table->selectionModel()->currentIndex().row() == row)
        showRow(row);
    else
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
    return true;
}

int SubscriptionView::shownMessageNumber() const
{
    return m_wantedNumber;
}

bool SubscriptionView::isParsing() const
{
    return m_parsing;
}

void SubscriptionView::showRow(int row)
{
    const int number = m_model->number(row);
    if (number == 0 || number == m_wantedNumber)
        return;
    if (!m_selectingLatest && m_follow->isChecked() && row != m_model->rowCount() - 1)
        m_follow->setChecked(false); // the user picked an older message: stop jumping to new ones
    m_wantedNumber = number;
    m_wantedJson = m_model->payload(row);
    m_wantedAt = m_model->receivedAt(row);
    if (!m_parsing)
        startParse();
}

void SubscriptionView::startParse()
{
    m_parsing = true;
    const quint64 generation = ++m_generation;
    const int number = m_wantedNumber;
    const QByteArray json = m_wantedJson;
    const QDateTime at = m_wantedAt;
    auto *watcher = new QFutureWatcher<ParsedMessage>(this);
    connect(watcher, &QFutureWatcher<ParsedMessage>::finished, this, [this, watcher, generation, number, json, at] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // cleared meanwhile
        m_parsing = false;
        if (number != m_wantedNumber) { // another row was selected while parsing: show that one instead
            startParse();
            return;
        }
        const ParsedMessage parsed = watcher->result();
        const QString statusLine = tr("Message #%1 · %2 · %3")
                                       .arg(number)
                                       .arg(at.toLocalTime().toString(u"hh:mm:ss.zzz"_s),
                                            Net::HttpResult::formatSize(json.size()));
        if (!parsed.document)
            m_resultView->showMessage(tr("This message is not valid JSON (%1).").arg(parsed.error), statusLine, json);
        else
            m_resultView->showResponse(parsed.document, parsed.response, statusLine);
        m_shownNumber = number;
        emit messageShown(number);
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), parseMessage, json));
}

QTableView *SubscriptionView::messageTable() const
{
    return m_table;
}

SubscriptionMessageModel *SubscriptionView::messageModel() const
{
    return m_model;
}

ResultView *SubscriptionView::resultView() const
{
    return m_resultView;
}

QCheckBox *SubscriptionView::followLatestCheck() const
{
    return m_follow;
}

} // namespace Sextant::App
