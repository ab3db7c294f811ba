// SPDX-License-Identifier: MIT
// Sextant: JSON text for the command line's output, escaped exactly as JavaScript's JSON.stringify does.
#include <cli/jsonoutput.h>

using namespace Qt::StringLiterals;

namespace Sextant::Cli {

void appendJsonString(QString &out, QStringView text)
{
    out += u'"';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        switch (c) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\b':
            out += u"\\b"_s;
            break;
        case u'\f':
            out += u"\\f"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        default: {
            const bool high = QChar::isHighSurrogate(c);
            const bool low = QChar::isLowSurrogate(c);
            const bool paired = (high && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode()))
                                || (low && i > 0 && QChar::isHighSurrogate(text[i - 1].unicode()));
            if (c < 0x20 || ((high || low) && !paired))
                out += u"\\u"_s + QString::number(c, 16).rightJustified(4, u'0');
            else
                out += QChar(c);
        }
        }
    }
    out += u'"';
}

} // namespace Sextant::Cli
