// SPDX-License-Identifier: MIT
// Sextant: the response path syntax (data.runsOrError.results[3].runId) parsed back into steps.
#include "responsepath.h"

#include "responsedocument.h"

using namespace Qt::StringLiterals;

namespace Sextant::Core {

namespace {

bool isNameStart(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_';
}

bool isNameContinue(QChar c)
{
    return isNameStart(c) || (c.unicode() >= u'0' && c.unicode() <= u'9');
}

std::optional<QVariantList> failAt(QString *error, QStringView text, qsizetype pos, const QString &what)
{
    if (error) {
        if (pos >= text.size())
            *error = what.isEmpty() ? u"unexpected end of path"_s : what + u" at the end of the path"_s;
        else
            *error =
                (what.isEmpty() ? u"unexpected \"%1\""_s.arg(text[pos]) : what) + u" at character %1"_s.arg(pos + 1);
    }
    return std::nullopt;
}

} // namespace

std::optional<QVariantList> ResponsePath::parse(QStringView text, QString *error)
{
    QVariantList steps;
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool first = true;
    while (i < n) {
        const QChar c = text[i];
        if (c == u'[') {
            ++i;
            if (i < n && text[i] == u'"') {
                // A JSON string: find its closing quote, then let the strict JSON reader decode it.
                const qsizetype start = i++;
                while (i < n && text[i] != u'"') {
                    if (text[i] == u'\\')
                        ++i;
                    ++i;
                }
                if (i >= n)
                    return failAt(error, text, n, u"unterminated string"_s);
                ++i;
                const QByteArray token = text.mid(start, i - start).toUtf8();
                const auto document = ResponseDocument::parse(token);
                if (!document)
                    return failAt(error, text, start, u"invalid string"_s);
                steps.append(document->stringValue(document->root()));
            } else {
                const qsizetype start = i;
                while (i < n && text[i].unicode() >= u'0' && text[i].unicode() <= u'9')
                    ++i;
                if (i == start)
                    return failAt(error, text, i, u"expected an index or a quoted name after \"[\""_s);
                bool ok = false;
                const int index = text.mid(start, i - start).toInt(&ok);
                if (!ok)
                    return failAt(error, text, start, u"index too large"_s);
                steps.append(index);
            }
            if (i >= n || text[i] != u']')
                return failAt(error, text, i, u"expected \"]\""_s);
            ++i;
        } else {
            if (!first) {
                if (c != u'.')
                    return failAt(error, text, i, QString());
                ++i;
            }
            if (i >= n || !isNameStart(text[i]))
                return failAt(error, text, i, u"expected a name"_s);
            const qsizetype start = i;
            while (i < n && isNameContinue(text[i]))
                ++i;
            steps.append(text.mid(start, i - start).toString());
        }
        first = false;
    }
    return steps;
}

QString ResponsePath::toString(const QVariantList &steps)
{
    return ResponseDocument::pathToString(steps);
}

} // namespace Sextant::Core
