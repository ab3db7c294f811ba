// SPDX-License-Identifier: MIT
// Sextant: tooltips on the query editor (problems, then schema docs) and Ctrl+click to the schema browser.
#pragma once

#include <QObject>

#include <memory>

class QsciScintilla;

namespace Sextant::Core {
class Schema;
struct HoverInfo;
}

namespace Sextant::App {

class EditorDiagnostics;

/**
 * When the mouse rests on the query editor: a problem's message if the spot is underlined (EditorDiagnostics),
 * else the documentation of the schema element there (Core::hoverAt: signature, Markdown description rendered,
 * deprecation), like GraphiQL's hover. Ctrl+click on a field, argument, type, enum value or input field emits
 * schemaElementActivated, on a directive or a directive's argument directiveActivated, so the window can show it in
 * the schema browser. GUI thread only; without a schema only problems are shown and Ctrl+click does nothing.
 */
class EditorHover final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorHover)

public:
    EditorHover(QsciScintilla *editor, EditorDiagnostics *diagnostics, QObject *parent = nullptr);

    void setSchema(std::shared_ptr<const Core::Schema> schema);
    /// The tooltip text (rich text) for a UTF-16 offset into the editor's text; empty when there is nothing.
    QString tooltipAt(int utf16Offset) const;
    /// Ctrl+click handling, public for tests: activates the element at the offset, true if there was one.
    bool activateAt(int utf16Offset);

signals:
    /// typeName is always set; fieldName is set for fields, arguments and input fields.
    void schemaElementActivated(const QString &typeName, const QString &fieldName);
    /// directiveName without "@"; argumentName is set when the click was on one of the directive's arguments.
    void directiveActivated(const QString &directiveName, const QString &argumentName);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onDwellStart(int position, int x, int y);
    int utf16OffsetAt(int bytePosition) const;

    QsciScintilla *m_editor;
    EditorDiagnostics *m_diagnostics;
    std::shared_ptr<const Core::Schema> m_schema;
};

} // namespace Sextant::App
