// SPDX-License-Identifier: MIT
// Sextant: starts the GUI: QApplication, command-line options, the main window.
#include "application.h"

#include "mainwindow.h"
#include "settings/appsettings.h"
#include "settings/theme.h"
#include "startarguments.h"

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QIcon>
#include <QTextStream>

#include <cstdio>

// The resources live in the static sextant_app library: register them explicitly (Q_INIT_RESOURCE must be
// called outside any namespace).
static void initResources()
{
    Q_INIT_RESOURCE(sextant);
}

namespace Sextant::App {

namespace {

// Reports the first paint of the editor once (bench/startup measures cold start with it).
class FirstPaintProbe final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::fprintf(stdout, "SEXTANT_FIRST_PAINT_EPOCH_MS=%lld\n",
                         static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            std::fflush(stdout);
            watched->removeEventFilter(this);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

} // namespace

int runGui(int &argc, char **argv)
{
    initResources();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Sextant"));
    QApplication::setOrganizationName(QStringLiteral("Sextant"));
    QApplication::setOrganizationDomain(QStringLiteral("sextant.dev"));
    QApplication::setApplicationVersion(QStringLiteral(SEXTANT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dev.sextant.Sextant"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/sextant.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sextant, a native GraphQL explorer.\n"
                                                    "Headless: sextant query --help"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption endpointOption(QStringLiteral("endpoint"), QStringLiteral("GraphQL endpoint URL."),
                                            QStringLiteral("url"));
    const QCommandLineOption kindOption(QStringLiteral("kind"),
                                        QStringLiteral("Endpoint profile: dagster, dagger or http."),
                                        QStringLiteral("kind"));
    const QCommandLineOption freshOption(QStringLiteral("no-session"),
                                         QStringLiteral("Start empty: neither restore nor autosave the session."));
    parser.addOptions({endpointOption, kindOption, freshOption});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("GraphQL documents to open (.graphql, .gql)."),
                                 QStringLiteral("[files...]"));
    parser.process(app);

    // The documents are checked here (a bad one exits with 2 before any window); MainWindow opens them in tabs
    // through StartOptions::files.
    QString filesError;
    const QStringList files = graphqlFilesFromArguments(parser.positionalArguments(), &filesError);
    if (!filesError.isEmpty()) {
        QTextStream(stderr) << filesError << "\n";
        return 2;
    }

    StartOptions options;
    options.endpoint = parser.value(endpointOption);
    options.restoreSession = !parser.isSet(freshOption);
    options.files = files;
    if (parser.isSet(kindOption)) {
        const QString kind = parser.value(kindOption).toLower();
        if (kind == u"dagster")
            options.kind = Net::EndpointKind::Dagster;
        else if (kind == u"dagger")
            options.kind = Net::EndpointKind::DaggerSession;
        else if (kind == u"http" || kind == u"graphql")
            options.kind = Net::EndpointKind::GenericHttp;
        else {
            QTextStream(stderr) << "sextant: unknown --kind \"" << kind << "\" (use dagster, dagger or http)\n";
            return 2;
        }
    }

    // The theme is applied before the window exists, so it is never painted twice; later changes (Preferences,
    // through any AppSettings of the process) re-apply it.
    AppSettings settings;
    applyTheme(settings.theme());
    QObject::connect(&settings, &AppSettings::changed, &app, [&settings] { applyTheme(settings.theme()); });

    MainWindow window(options);
    const bool bench = qEnvironmentVariableIntValue("SEXTANT_BENCH") == 1;
    if (bench) {
        window.queryEditor()->viewport()->installEventFilter(new FirstPaintProbe(&window));
        QObject::connect(&window, &MainWindow::schemaLoaded, &window, [] {
            std::fprintf(stdout, "SEXTANT_SCHEMA_LOADED_EPOCH_MS=%lld\n",
                         static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            std::fflush(stdout);
        });
    }
    window.show();
    window.queryEditor()->setFocus();
    return app.exec();
}

} // namespace Sextant::App
