// SPDX-License-Identifier: MIT
// Sextant: the GraphQL documents named on the command line (`sextant a.graphql b.gql`, a file manager's %F).
#pragma once

#include <QStringList>

namespace Sextant::App {

/**
 * Turns the positional arguments of `sextant` into absolute paths of GraphQL documents to open: each must name an
 * existing, readable regular file ending in .graphql or .gql (any case); `file://` URLs (a desktop's %U) are
 * accepted as their local path. Duplicates are dropped, order is kept. On the first bad argument returns an empty
 * list and sets *error to one line naming it ("sextant: not a GraphQL document (.graphql, .gql): notes.txt").
 * Touches the file system (stat only); call on the main thread at start-up.
 */
QStringList graphqlFilesFromArguments(const QStringList &arguments, QString *error);

} // namespace Sextant::App
