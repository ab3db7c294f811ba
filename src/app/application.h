// SPDX-License-Identifier: MIT
// Sextant: starts the GUI: QApplication, command-line options, the main window.
#pragma once

namespace Sextant::App {

/**
 * Runs the desktop application: creates QApplication, reads `--endpoint URL` and `--kind dagster|dagger|http`
 * (unknown options print usage and return 2), shows the MainWindow and runs the event loop. With SEXTANT_BENCH=1
 * it prints `SEXTANT_FIRST_PAINT_EPOCH_MS=<ms>` when the editor first paints and `SEXTANT_SCHEMA_LOADED_EPOCH_MS=`
 * when the schema is shown, for bench/startup. Call on the main thread, once.
 */
int runGui(int &argc, char **argv);

} // namespace Sextant::App
