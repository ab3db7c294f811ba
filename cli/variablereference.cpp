// SPDX-License-Identifier: MIT
// Sextant: `--var NAME=@FILE:PATH` — a variable value taken from a previous JSON result file.
#include "cli/variablereference.h"

#include <core/response/responsedocument.h>
#include <core/response/responsepath.h>

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using Sextant::Core::JsonKind;
using Sextant::Core::ResponseDocument;
using Sextant::Core::ResponsePath;

namespace Sextant::Cli {

namespace {

QString describeMissingStep(const ResponseDocument &document, ResponseDocument::NodeId found, const QVariantList &steps,
                            int matched)
{
    const QString where = matched == 0 ? u"the top level"_s : ResponsePath::toString(steps.mid(0, matched));
    const QVariant &step = steps.at(matched);
    const JsonKind kind = document.kind(found);
    if (step.typeId() == QMetaType::QString) {
        if (kind != JsonKind::Object)
            return where + u" is "_s + Core::jsonKindName(kind) + u", not an object with \""_s + step.toString() + u'"';
        return where + u" has no member \""_s + step.toString() + u'"';
    }
    if (kind != JsonKind::Array)
        return where + u" is "_s + Core::jsonKindName(kind) + u", not a list to index with ["_s
               + QString::number(step.toInt()) + u']';
    const int count = document.childCount(found);
    return where + u" has no index "_s + QString::number(step.toInt()) + u" ("_s + QString::number(count)
           + (count == 1 ? u" item)"_s : u" items)"_s);
}

} // namespace

std::optional<QByteArray> resolveVariableReference(const QString &reference, QString *error)
{
    // The file name ends at the last colon whose prefix is an existing file; no such colon: at the first.
    QString fileName = reference;
    QString pathText;
    bool hasPath = false;
    if (!QFileInfo(reference).isFile()) {
        qsizetype split = -1;
        for (qsizetype i = reference.indexOf(u':'); i >= 0; i = reference.indexOf(u':', i + 1)) {
            if (split < 0 || QFileInfo(reference.left(i)).isFile())
                split = i;
        }
        if (split >= 0) {
            fileName = reference.left(split);
            pathText = reference.mid(split + 1);
            hasPath = true;
        }
    }
    if (fileName.isEmpty()) {
        *error = u"expected @FILE or @FILE:PATH"_s;
        return std::nullopt;
    }

    QString pathError;
    const auto steps = ResponsePath::parse(pathText, &pathError);
    if (!steps) {
        *error = u"bad path \""_s + pathText + u"\": "_s + pathError;
        return std::nullopt;
    }
    if (hasPath && pathText.isEmpty()) {
        *error = u"empty path after \""_s + fileName + u":\" (leave out the colon for the whole file)"_s;
        return std::nullopt;
    }

    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read \""_s + fileName + u"\": "_s + file.errorString();
        return std::nullopt;
    }
    ResponseDocument::ParseError parseError;
    const auto document = ResponseDocument::parse(file.readAll(), &parseError);
    if (!document) {
        *error = u"\""_s + fileName + u"\" is not valid JSON: "_s + parseError.message;
        return std::nullopt;
    }
    int matched = 0;
    const auto node = document->nodeAtPath(*steps, &matched);
    if (matched < steps->size()) {
        *error = u"path "_s + pathText + u" not found in \""_s + fileName + u"\": "_s
                 + describeMissingStep(*document, node, *steps, matched);
        return std::nullopt;
    }
    return document->toJson(node, 0);
}

} // namespace Sextant::Cli
