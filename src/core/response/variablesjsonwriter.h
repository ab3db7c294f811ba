// SPDX-License-Identifier: MIT
// Sextant: writes one variable into the user's variables JSON text, keeping the rest of the text as typed.
#pragma once

#include "responsedocument.h"

#include <QByteArray>
#include <QString>

namespace Sextant::Core {

/**
 * Adds or replaces the top-level member @p name of the JSON object in @p variablesText with @p jsonValue (one
 * JSON value as text, e.g. "\"sha256:…\"" or 42), for "Use as Variable…" in the result tree (GraphQL spec §6.1.2
 * "Coercing Variable Values": the variables are one JSON object). Everything else in the text, member order,
 * spacing and line breaks, stays as the user wrote it: a replaced member keeps its position, a new one is
 * appended after the last member in the indentation of the first (or ", " on a one-line object). Blank text
 * becomes `{\n  "name": value\n}`.
 *
 * Pure function, any thread. Bad input (text that is not strict JSON, a top level that is no object, an empty
 * name or a @p jsonValue that is not one JSON value) returns @p variablesText unchanged and sets *error to one
 * line; *error is cleared on success.
 */
QString setVariableInJsonText(const QString &variablesText, const QString &name, const QByteArray &jsonValue,
                              QString *error = nullptr);

/**
 * A variable name for the value at @p node: its member name, prefixed with the enclosing field's name when the
 * member name alone says little (`id` under `directory` -> `directoryId`, `name` under `branch` -> `branchName`;
 * `runId` stays `runId`); list indices are skipped (`results[3].runId` -> `runId`). Always a GraphQL Name
 * (spec §2.1.9): other characters become `_`; "value" when nothing fits. Any thread.
 */
QString suggestVariableName(const ResponseDocument &document, ResponseDocument::NodeId node);

} // namespace Sextant::Core
