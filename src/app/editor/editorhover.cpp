// SPDX-License-Identifier: MIT
// Sextant: tooltips on the query editor (problems, then schema docs) and Ctrl+click to the schema browser.
#include "editorhover.h"

#include "editordiagnostics.h"
#include "editorsetup.h"

#include <core/completion/hover.h>
#include <core/schema/schema.h>

#include <Qsci/qsciscintilla.h>

#include <QMouseEvent>
#include <QTextDocument>
#include <QToolTip>

namespace Sextant::App {

namespace {

QString markdownToHtml(const QString &markdown)
{
    QTextDocument document;
    document.setMarkdown(markdown);
    QString html = document.toHtml();
    // Keep only the body: QToolTip renders the fragment inside its own document.
    const qsizetype bodyStart = html.indexOf(u"<body");
    const qsizetype contentStart = bodyStart >= 0 ? html.indexOf(u'>', bodyStart) + 1 : 0;
    const qsizetype bodyEnd = html.lastIndexOf(u"</body>");
    return html.mid(contentStart, bodyEnd > contentStart ? bodyEnd - contentStart : -1);
}

} // namespace

EditorHover::EditorHover(QsciScintilla *editor, EditorDiagnostics *diagnostics, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_diagnostics(diagnostics)
{
    m_editor->SendScintilla(QsciScintilla::SCI_SETMOUSEDWELLTIME, 400);
    connect(m_editor, &QsciScintilla::SCN_DWELLSTART, this, &EditorHover::onDwellStart);
    connect(m_editor, &QsciScintilla::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
    m_editor->viewport()->installEventFilter(this);
}

void EditorHover::setSchema(std::shared_ptr<const Core::Schema> schema)
{
    m_schema = std::move(schema);
}

int EditorHover::utf16OffsetAt(int bytePosition) const
{
    return utf16OffsetOfPosition(m_editor, bytePosition);
}

QString EditorHover::tooltipAt(int utf16Offset) const
{
    const QString text = m_editor->text();
    // A problem on this spot comes first: that is what the squiggle asks about.
    const Core::SourceLocation location = Core::locationAt(text, utf16Offset);
    const int bytePosition = positionOfLineColumn(m_editor, location.line, location.column);
    if (m_editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, ErrorIndicator, bytePosition)) {
        // The problems located in this underlined range (an unexpected <EOF> is located just after the last
        // character, which is what gets underlined).
        const int start = utf16OffsetAt(
            int(m_editor->SendScintilla(QsciScintilla::SCI_INDICATORSTART, ErrorIndicator, bytePosition)));
        const int end = utf16OffsetAt(
            int(m_editor->SendScintilla(QsciScintilla::SCI_INDICATOREND, ErrorIndicator, bytePosition)));
        QStringList messages;
        for (const Diagnostic &diagnostic : m_diagnostics->diagnostics()) {
            for (const Core::SourceLocation &problem : diagnostic.locations) {
                const int at = problem.offset >= 0 ? problem.offset : -1;
                if (at >= start && (at < end || (at == end && end == int(text.size())))) {
                    messages << diagnostic.message;
                    break;
                }
            }
        }
        if (messages.isEmpty()) { // locations without offsets: by line and column
            const Core::SourceLocation startLocation = Core::locationAt(text, start);
            messages << m_diagnostics->messageAt(startLocation.line, startLocation.column);
        }
        messages.removeDuplicates();
        messages.removeAll(QString());
        if (!messages.isEmpty())
            return messages.join(u'\n').toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
    }
    if (!m_schema)
        return {};
    const Core::HoverInfo info = Core::hoverAt(*m_schema, text, utf16Offset);
    if (!info.isValid())
        return {};
    // QToolTip wraps rich text at a narrow width: keep a signature of ordinary length on one line.
    QString html = (info.signature.size() <= 100 ? QStringLiteral("<p style=\"white-space:pre\"><code><b>")
                                                 : QStringLiteral("<p><code><b>"))
        + info.signature.toHtmlEscaped() + QStringLiteral("</b></code></p>");
    if (!info.description.trimmed().isEmpty())
        html += markdownToHtml(info.description);
    if (info.isDeprecated) {
        // The reason is Markdown too (graphql-js prints it with the description's rules; GraphiQL renders both).
        html += QStringLiteral("<p style=\"color:#a15c00\"><b>Deprecated</b></p>");
        if (!info.deprecationReason.trimmed().isEmpty())
            html += QStringLiteral("<div style=\"color:#a15c00\">") + markdownToHtml(info.deprecationReason)
                + QStringLiteral("</div>");
    }
    return html;
}

bool EditorHover::activateAt(int utf16Offset)
{
    if (!m_schema)
        return false;
    const Core::HoverInfo info = Core::hoverAt(*m_schema, m_editor->text(), utf16Offset);
    using Kind = Core::SchemaElementKind;
    const Kind kind = info.coordinate.kind;
    if (kind == Kind::Directive || kind == Kind::DirectiveArgument) {
        if (info.coordinate.directiveName.isEmpty())
            return false;
        emit directiveActivated(info.coordinate.directiveName,
                                kind == Kind::DirectiveArgument ? info.coordinate.argumentName : QString());
        return true;
    }
    if (!info.isValid() || info.coordinate.typeName.isEmpty())
        return false;
    const bool hasField = kind == Kind::Field || kind == Kind::Argument || kind == Kind::InputField;
    emit schemaElementActivated(info.coordinate.typeName, hasField ? info.coordinate.fieldName : QString());
    return true;
}

bool EditorHover::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && (mouse->modifiers() & Qt::ControlModifier)) {
            const QPoint point = mouse->position().toPoint();
            const long position = m_editor->SendScintilla(QsciScintilla::SCI_POSITIONFROMPOINTCLOSE,
                                                          static_cast<unsigned long>(point.x()), point.y());
            if (position >= 0 && activateAt(utf16OffsetAt(int(position))))
                return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void EditorHover::onDwellStart(int position, int x, int y)
{
    if (position < 0)
        return;
    const QString tip = tooltipAt(utf16OffsetAt(position));
    if (!tip.isEmpty())
        QToolTip::showText(m_editor->viewport()->mapToGlobal(QPoint(x, y)), tip, m_editor->viewport());
}

} // namespace Sextant::App
