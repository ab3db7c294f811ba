// SPDX-License-Identifier: MIT
// Sextant: the live list of a subscription's messages, each shown in a result tree when selected.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QWidget>

class QCheckBox;
class QLabel;
class QSplitter;
class QTableView;

namespace Sextant::App {

class ResultView;
class SubscriptionMessageModel;

/**
 * The subscription pane: a status line ("Subscribed over graphql-transport-ws · 12 messages · 3.4 s", then the finish
 * reason), a "Follow latest" toggle, the message list (SubscriptionMessageModel: time hh:mm:ss.zzz, #, summary, size;
 * the last 10,000 messages are kept, older ones are dropped and the status says so) and, below it, an embedded
 * ResultView that shows the selected message as a tree (GraphQL spec §7 ExecutionResult: data, errors, extensions).
 *
 * Selecting a row parses that payload into a Core::ResponseDocument on the background pool (never on the UI thread)
 * and shows it; a parse that finishes after another row was selected is dropped. With Follow latest on, each new
 * message is selected and shown as it arrives (parses are coalesced: at most one in flight, the newest wins).
 * GUI thread only.
 */
class SubscriptionView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionView)

public:
    explicit SubscriptionView(QWidget *parent = nullptr);
    ~SubscriptionView() override;

    /// Forgets every message and clears the tree (a new subscription starts).
    void clear();
    void appendMessage(const QDateTime &receivedAt, const QByteArray &payloadJson);
    void setStatusText(const QString &text);
    QString statusText() const;

    bool followLatest() const;
    void setFollowLatest(bool follow);
    /// Selects @p row of the list (and shows it in the tree); false for a row that does not exist.
    bool selectMessage(int row);
    /// The message number (1-based) the tree shows or is about to show; 0 when none.
    int shownMessageNumber() const;
    bool isParsing() const;

    QTableView *messageTable() const;
    SubscriptionMessageModel *messageModel() const;
    ResultView *resultView() const;
    QCheckBox *followLatestCheck() const;

signals:
    /// The tree now shows message @p number (1-based).
    void messageShown(int number);

private:
    void showRow(int row);
    void startParse();

    QLabel *m_status;
    QCheckBox *m_follow;
    QTableView *m_table;
    SubscriptionMessageModel *m_model;
    ResultView *m_resultView;
    QSplitter *m_splitter;
    quint64 m_generation = 0;
    bool m_parsing = false;
    bool m_selectingLatest = false;
    int m_wantedNumber = 0; ///< message number to show
    int m_shownNumber = 0;
    QByteArray m_wantedJson;
    QDateTime m_wantedAt;
};

} // namespace Sextant::App
