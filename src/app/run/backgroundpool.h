// SPDX-License-Identifier: MIT
// Sextant: the thread pool for long work on big responses (parse, line index, table scan, search, release).
#pragma once

class QThreadPool;

namespace Sextant::App {

/**
 * The pool that long jobs over a response run on (QtConcurrent::run(backgroundPool(), …)), instead of
 * QThreadPool::globalInstance(). Qt's raster paint engine splits big fills over the global pool and waits for
 * them on the UI thread (QSemaphore::acquire in QRasterPaintEngine::drawRects), so a 100 MB parse and line index
 * holding every global thread stalled each repaint for ~100 ms; with these jobs here the global pool stays free.
 * At least two threads (QThread::idealThreadCount() when more). Created on first use, any thread; it waits for
 * its jobs when the program exits. Never null.
 */
QThreadPool *backgroundPool();

} // namespace Sextant::App
