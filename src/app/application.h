// SPDX-License-Identifier: MIT
// Sextant: starts the GUI: QApplication, command-line options, the main window.
#pragma once

namespace Sextant::App {

/**
 * Runs the desktop application: creates QApplication, reads `--endpoint URL`, `--kind dagster|dagger|http` and the
 * GraphQL documents to open (positional .graphql/.gql paths, graphqlFilesFromArguments(); unknown options, bad
 * files print one line and return 2), applies the AppSettings theme (and again whenever the settings change),
 * shows the MainWindow and runs the event loop. With SEXTANT_BENCH=1
 * it prints `SEXTANT_FIRST_PAINT_EPOCH_MS=<ms>` when the editor first paints and `SEXTANT_SCHEMA_LOADED_EPOCH_MS=`
 * when the schema is shown, for bench/startup. Call on the main thread, once.
 */
int runGui(int &argc, char **argv);

} // namespace Sextant::App
