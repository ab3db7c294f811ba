// SPDX-License-Identifier: MIT
// Sextant: `--var NAME=@FILE:PATH` — a variable value taken from a previous JSON result file.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Sextant::Cli {

/**
 * Resolves the text after the "@" of a `sextant query --var NAME=@FILE:PATH` value: reads FILE (a JSON document,
 * usually the saved output of an earlier `sextant query`) and returns the value at PATH as compact JSON, so a
 * Dagger ID from one query feeds the next (PROTOCOLS.md §5.3). PATH is the result tree's "Copy path" syntax
 * (Core::ResponsePath: `data.git.branch.tree.id`, `results[3]`, `data["a b"]`) and starts at the top of the
 * file; without ":PATH" the whole file is the value. FILE may contain colons: the longest prefix before a colon
 * that names an existing file is taken.
 *
 * Runs on the calling thread (small synchronous file read). Bad input: nullopt and a one-line message without
 * the "sextant: " prefix: missing or unreadable file, invalid JSON, bad path syntax, path not found (naming the
 * deepest part of the path that exists).
 */
std::optional<QByteArray> resolveVariableReference(const QString &reference, QString *error);

} // namespace Sextant::Cli
