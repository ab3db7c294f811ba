// SPDX-License-Identifier: MIT
// Sextant: a child process for workspacecrash_test: the real MainWindow under a storm of edits, until kill -9.
//
// Usage: workspacestorm_child WORKSPACE_DIR START_NUMBER SAVED_FILE
// Prints one line per edit, flushed: "E <tabId> <number> <epoch ms>", after appending the line "e<number>" to the
// query of the tab in front. SAVED_FILE (a .graphql file) is open in a tab of its own, and every 25 edits in that
// tab it is saved (Ctrl+S: written back with QSaveFile), printing "S <tabId>". Every 150 edits the storm opens
// another tab (up to 4) or goes back to an earlier one, so tab files and the index are rewritten during the storm
// too. It never exits on its own.
#include <app/mainwindow.h>
#include <app/workspace/tabcontroller.h>

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QDateTime>
#include <QTimer>

#include <cstdio>

using namespace Sextant;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 4) {
        std::fprintf(stderr, "usage: workspacestorm_child WORKSPACE_DIR START_NUMBER SAVED_FILE\n");
        return 2;
    }
    App::StartOptions options;
    options.workspaceDirectory = QString::fromLocal8Bit(argv[1]);
    options.dataDirectory = options.workspaceDirectory + QStringLiteral("/..");
    options.sessionPath = options.workspaceDirectory + QStringLiteral("/no-session.json");
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = QStringLiteral("http://127.0.0.1:9/graphql"); // nothing listens: no schema, no traffic
    App::MainWindow window(options);
    window.show();
    const QString savedFile = QString::fromLocal8Bit(argv[3]);
    window.openFiles({savedFile}); // a new tab the first time; the restored one afterwards

    qint64 number = QByteArray(argv[2]).toLongLong();
    qint64 edits = 0;
    QTimer storm;
    storm.setInterval(4);
    QObject::connect(&storm, &QTimer::timeout, &window, [&] {
        App::TabController *tabs = window.tabs();
        if (edits > 0 && edits % 150 == 0) {
            if (tabs->count() < 4)
                tabs->addTab({});
            else
                tabs->setCurrentIndex(int((edits / 150) % tabs->count()));
        }
        QsciScintilla *editor = window.queryEditor();
        const QByteArray line = "e" + QByteArray::number(number) + "\n";
        // Typed at the end of the document, as a user's keystrokes would be (one undoable insertion).
        editor->SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
        editor->SendScintilla(QsciScintilla::SCI_ADDTEXT, line.size(), line.constData());
        if (edits % 25 == 0 && tabs->currentState().collectionPath == savedFile && window.saveCurrentTab()) {
            std::printf("S %s\n", qPrintable(tabs->currentState().id));
            std::fflush(stdout);
        }
        if (edits % 40 == 0)
            window.variablesEditor()->setText(QStringLiteral("{\"n\": %1}").arg(number));
        std::printf("E %s %lld %lld\n", qPrintable(tabs->currentState().id), static_cast<long long>(number),
                    static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
        std::fflush(stdout);
        ++number;
        ++edits;
    });
    QTimer::singleShot(0, &storm, qOverload<>(&QTimer::start));
    std::printf("READY\n");
    std::fflush(stdout);
    return app.exec();
}
