// SPDX-License-Identifier: MIT
// Sextant: the response path syntax (data.runsOrError.results[3].runId) parsed back into steps.
#pragma once

#include <QString>
#include <QStringView>
#include <QVariantList>

#include <optional>

namespace Sextant::Core {

/**
 * Reads the path syntax that ResponseDocument::pathString() writes and "Copy path" / `sextant query --var
 * NAME=@FILE:PATH` accept: names after dots (`data.git.branch`), list indices in brackets (`results[3]`) and
 * member names that are not GraphQL Names as JSON strings in brackets, like JavaScript (`data["a b"]`).
 * A leading dot is not allowed; the empty text is the root (an empty step list).
 *
 * Pure functions, any thread. On bad input parse() returns nullopt and a one-line message naming the
 * 1-based character position ("unexpected \"]\" at character 6").
 */
class ResponsePath final
{
public:
    /// QString member names and int indices, the form ResponseDocument::nodeAtPath() takes.
    static std::optional<QVariantList> parse(QStringView text, QString *error = nullptr);
    /// Same text as ResponseDocument::pathToString().
    static QString toString(const QVariantList &steps);
};

} // namespace Sextant::Core
