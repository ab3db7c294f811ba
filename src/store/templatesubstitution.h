// SPDX-License-Identifier: MIT
// Sextant: {{name}} references of an environment substituted into a URL, header lines or a JSON variables text.
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace Sextant::Store {

/// How a text is read while substituting: as plain text (URL, header lines) or as JSON (the variables).
enum class TemplateSyntax : quint8 { PlainText, Json };

/// One well-formed {{name}} reference: where it is in the source text (offset/length in UTF-16 units; line and
/// column 1-based, the column in UTF-16 units, pointing at the first '{').
struct TemplateReference final
{
    QString name;
    qsizetype offset = 0;
    qsizetype length = 0;
    int line = 0;
    int column = 0;
    bool insideJsonString = false; ///< TemplateSyntax::Json only: the reference sits between a string's quotes

    bool operator==(const TemplateReference &) const = default;
};

/// The substituted text, every reference whose name had no value, and a map back to the source.
struct SubstitutionResult final
{
    QString text;
    QList<TemplateReference> unknown; ///< in source order; a name appears once per occurrence
    int substitutions = 0;            ///< how many references were replaced

    bool isValid() const { return unknown.isEmpty(); }
    /// The source offset of a UTF-16 offset into @c text: inside a substituted value, the start of its reference.
    qsizetype sourceOffset(qsizetype textOffset) const;

    struct Segment
    {
        qsizetype textOffset;
        qsizetype textLength;
        qsizetype sourceOffset;
        qsizetype sourceLength;
    };
    QList<Segment> replaced; ///< replaced references and dropped escape backslashes, in order (for sourceOffset)
};

/**
 * Environment references, as in Postman and Insomnia: `{{name}}`, with optional spaces or tabs inside the braces
 * (`{{ token }}`). A name is a letter, digit, '_', '-' or '.' sequence (at least one character); anything else
 * between `{{` and `}}` (`{{}}`, `{{a b}}`, `{{"x":1}}`) is not a reference and stays as it is.
 *
 * Escape: a backslash directly before `{{` makes the braces literal and is dropped (`\{{name}}` gives `{{name}}`).
 * Inside a JSON string a JSON escape pair is read first, so `"C:\\{{dir}}"` keeps its escaped backslash and still
 * substitutes {{dir}}.
 *
 * TemplateSyntax::Json: a reference inside a JSON string is replaced by its value JSON-escaped (RFC 8259 §7, no
 * quotes added), so `"{{n}}"` stays a string whatever the value holds; a reference outside any string is replaced
 * by the value as it is (`{"first": {{pageSize}}}` with pageSize = 20 gives a number).
 *
 * Values are inserted once and never searched for references themselves (no recursion: a value holding "{{x}}" is
 * sent as "{{x}}"). Unknown names are collected with their positions and left as they are in @c text; the caller
 * decides (Run refuses to send). Pure function; any thread. Bad input: none (any text is accepted).
 */
SubstitutionResult substituteTemplate(const QString &text, const QHash<QString, QString> &values,
                                      TemplateSyntax syntax = TemplateSyntax::PlainText);

/// Every well-formed reference in @p text (escaped ones excluded), in order. Pure; any thread.
QList<TemplateReference> templateReferences(const QString &text, TemplateSyntax syntax = TemplateSyntax::PlainText);

/// True when @p name can be referenced as {{name}} (the name rule above).
bool isTemplateVariableName(QStringView name);

} // namespace Sextant::Store
