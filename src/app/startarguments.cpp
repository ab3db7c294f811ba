// SPDX-License-Identifier: MIT
// Sextant: the GraphQL documents named on the command line (`sextant a.graphql b.gql`, a file manager's %F).
#include "startarguments.h"

#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sextant::App {

QStringList graphqlFilesFromArguments(const QStringList &arguments, QString *error)
{
    QStringList files;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = u"sextant: "_s + message;
        return QStringList();
    };
    for (const QString &argument : arguments) {
        QString path = argument;
        if (argument.startsWith(u"file:", Qt::CaseInsensitive)) {
            const QUrl url(argument);
            // file://host/path names another machine's file (toLocalFile() would make it a UNC path).
            if (!url.isLocalFile() || !(url.host().isEmpty() || url.host() == u"localhost"))
                return fail(u"not a local file: "_s + argument);
            path = url.toLocalFile();
        }
        const QFileInfo info(path);
        const QString suffix = info.suffix().toLower();
        if (suffix != u"graphql" && suffix != u"gql")
            return fail(u"not a GraphQL document (.graphql, .gql): "_s + argument);
        if (!info.exists())
            return fail(u"no such file: "_s + argument);
        if (!info.isFile() || !info.isReadable())
            return fail(u"cannot read "_s + argument);
        const QString absolute = info.absoluteFilePath();
        if (!files.contains(absolute))
            files << absolute;
    }
    if (error)
        error->clear();
    return files;
}

} // namespace Sextant::App
