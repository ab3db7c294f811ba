// SPDX-License-Identifier: MIT
// Sextant: entry point — headless commands under QCoreApplication before any GUI object exists, else the window.
#include <app/application.h>
#include <cli/completecommand.h>
#include <cli/formatcommand.h>
#include <cli/querycommand.h>
#include <cli/schemacommand.h>
#include <cli/validatecommand.h>

#include <QCoreApplication>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

void setUpCoreApplication()
{
    QCoreApplication::setApplicationName(u"sextant"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SEXTANT_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 2) {
        const char *command = argv[1];
        // Headless subcommands: document on stdin, JSON or text on stdout (see each command's --help).
        struct Subcommand {
            const char *name;
            int (*run)(const QStringList &arguments);
        };
        static constexpr Subcommand subcommands[] = {
            {"query", &Sextant::Cli::runQueryCommand},
            {"validate", &Sextant::Cli::runValidateCommand},
            {"format", &Sextant::Cli::runFormatCommand},
            {"schema", &Sextant::Cli::runSchemaCommand},
            {"complete", &Sextant::Cli::runCompleteCommand},
        };
        for (const Subcommand &subcommand : subcommands) {
            if (std::strcmp(command, subcommand.name) == 0) {
                QCoreApplication app(argc, argv);
                setUpCoreApplication();
                return subcommand.run(QCoreApplication::arguments().mid(2));
            }
        }
        if (std::strcmp(command, "--version") == 0 || std::strcmp(command, "-v") == 0) {
            QCoreApplication app(argc, argv);
            setUpCoreApplication();
            return Sextant::Cli::runVersionCommand();
        }
        if (std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0) {
            QCoreApplication app(argc, argv);
            setUpCoreApplication();
            return Sextant::Cli::runHelpCommand();
        }
    }
    return Sextant::App::runGui(argc, argv);
}
