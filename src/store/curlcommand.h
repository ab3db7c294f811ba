// SPDX-License-Identifier: MIT
// Sextant: splits a pasted curl command line into arguments the way bash or cmd.exe would.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace Sextant::Store::CurlCommand {

/**
 * The word splitting behind parseCurlCommand (collectionimport.h). Pure function, any thread.
 *
 * Two dialects, picked from the text:
 * - bash (Chrome/Firefox "Copy as cURL (bash)", Postman, GraphiQL, Altair, docs): whitespace separates words;
 *   '…' is literal; "…" knows \" \\ \$ \` and backslash-newline; $'…' is ANSI-C quoting (\n \t \r \\ \' \"
 *   \xHH \uHHHH \UHHHHHHHH \NNN); backslash-newline, and PowerShell's backtick-newline, continue the line;
 *   unquoted $NAME / ${NAME} become environment references {{NAME}} (the shell would have expanded them); an
 *   unquoted | ; > or & ends the command; # starts a comment.
 * - cmd.exe (Chrome "Copy as cURL (cmd)"), chosen when the text holds ^" or a line ends in ^: ^X is X,
 *   ^-newline continues the line, "…" quotes with \" \\ and "" inside, %^ is %.
 *
 * Bad input: an unterminated quote gives std::nullopt with *error set ("unterminated ' quote").
 */
std::optional<QStringList> splitCommandLine(const QString &commandLine, QString *error);

} // namespace Sextant::Store::CurlCommand
