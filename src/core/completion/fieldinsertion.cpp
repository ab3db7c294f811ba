// SPDX-License-Identifier: MIT
// Sextant: plans the text edits that add a schema field to the operation under the cursor (schema browser → editor).
#include "fieldinsertion.h"

#include <core/language/ast.h>
#include <core/language/parser.h>
#include <core/schema/schema.h>
#include <core/validation/typeinfo.h>

#include <QtCore/QHash>
#include <QtCore/QStringList>

#include <algorithm>
#include <functional>
#include <optional>
#include <queue>
#include <tuple>
#include <vector>

namespace Sextant::Core {

namespace {

using namespace Qt::StringLiterals;

// A selection to add, as a small tree rendered once the indentation of the place it goes to is known.
struct NewSelection
{
    QString head;                       // "viewer", "node(id: $id)", "... on Book"
    std::vector<NewSelection> children; // empty for a leaf
    bool caretAfter = false;            // the caret goes right after this selection's text
};

struct Renderer
{
    QString unit = u"  "_s; // one indentation step
    QString text;
    int caret = -1;

    void oneLine(const NewSelection &selection)
    {
        text += selection.head;
        if (!selection.children.empty()) {
            text += u" { "_s;
            for (std::size_t i = 0; i < selection.children.size(); ++i) {
                if (i > 0)
                    text += u' ';
                oneLine(selection.children[i]);
            }
            text += u" }"_s;
        }
        if (selection.caretAfter)
            caret = int(text.size());
    }

    void multiLine(const NewSelection &selection, const QString &indent)
    {
        text += selection.head;
        if (!selection.children.empty()) {
            const QString inner = indent + unit;
            text += u" {\n"_s;
            for (const NewSelection &child : selection.children) {
                text += inner;
                multiLine(child, inner);
                text += u'\n';
            }
            text += indent + u'}';
        }
        if (selection.caretAfter)
            caret = int(text.size());
    }
};

// One step of a field path: a field of `parent`, or (field == nullptr) an inline fragment on `type`.
struct PathStep
{
    const NamedType *parent = nullptr;
    const Field *field = nullptr;
    const NamedType *type = nullptr;
};

struct Candidate
{
    const Ast::SelectionSet *set = nullptr;
    bool direct = true; // false: the parent is abstract and needs `... on TypeName`
};

int lineStart(const QString &text, int offset)
{
    const qsizetype newline = offset > 0 ? text.lastIndexOf(u'\n', offset - 1) : -1;
    return int(newline + 1);
}

QString indentOfLine(const QString &text, int offset)
{
    const int start = lineStart(text, offset);
    int end = start;
    while (end < text.size() && (text.at(end) == u' ' || text.at(end) == u'\t'))
        ++end;
    return text.mid(start, end - start);
}

// Skips ignored tokens (§2.1.7: whitespace, line terminators, commas, comments, BOM) from `offset`.
int skipIgnored(const QString &text, int offset)
{
    while (offset < text.size()) {
        const QChar c = text.at(offset);
        if (c == u'#') {
            while (offset < text.size() && text.at(offset) != u'\n' && text.at(offset) != u'\r')
                ++offset;
        } else if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u',' || c == QChar(0xFEFF)) {
            ++offset;
        } else {
            break;
        }
    }
    return offset;
}

bool isRequired(const InputValue &arg)
{
    return arg.type.isNonNull() && !arg.hasDefaultValue;
}

int requiredArgumentCount(const Field &field)
{
    return int(std::count_if(field.args.cbegin(), field.args.cend(), isRequired));
}

struct ScopedSet
{
    const Ast::SelectionSet *set = nullptr;
    const NamedType *parent = nullptr;
};

// Every SelectionSet of an operation with its parent type, in document order (fields and inline fragments; the
// fragments it spreads are not entered; sets whose type is unknown are skipped).
void collectSelectionSets(const Schema &schema, const Ast::SelectionSet *set, const NamedType *parent,
                          QList<ScopedSet> &out)
{
    if (!set || !parent)
        return;
    out.append({set, parent});
    for (const Ast::Selection *selection : set->selections) {
        if (const auto *field = Ast::astCast<Ast::Field>(selection)) {
            if (!field->selectionSet)
                continue;
            if (const Field *def = fieldDefinition(schema, parent, field->name))
                collectSelectionSets(schema, field->selectionSet, namedTypeOf(schema, def->type), out);
        } else if (const auto *inlineFragment = Ast::astCast<Ast::InlineFragment>(selection)) {
            const NamedType *type =
                inlineFragment->typeCondition ? schema.type(inlineFragment->typeCondition->name) : parent;
            collectSelectionSets(schema, inlineFragment->selectionSet, type, out);
        }
    }
}

struct FoundPath
{
    const Ast::SelectionSet *from = nullptr; // the existing selection set the new steps start in
    QList<PathStep> steps;
};

// The cheapest path of fields / inline fragments from one of `sources` (selections already made, each free) to
// `target`; costs compare as (deprecated fields, fields with required arguments, length), so a deprecated or
// argument-hungry field is added only when needed and existing selections are extended rather than repeated.
std::optional<FoundPath> findPath(const Schema &schema, const QList<ScopedSet> &sources, const NamedType *target)
{
    using Cost = std::tuple<int, int, int>;
    using Entry = std::tuple<Cost, int, const NamedType *>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    QHash<QString, Cost> best;
    QHash<QString, PathStep> via;
    QHash<QString, const Ast::SelectionSet *> origin; // source type -> its first selection set
    int sequence = 0; // ties go to the earlier source, then to the earlier field in schema order
    for (const ScopedSet &source : sources) {
        if (origin.contains(source.parent->name))
            continue;
        origin.insert(source.parent->name, source.set);
        best.insert(source.parent->name, Cost{0, 0, 0});
        queue.emplace(Cost{0, 0, 0}, sequence++, source.parent);
    }
    const auto relax = [&](const NamedType *next, const PathStep &step, const Cost &cost) {
        const auto it = best.constFind(next->name);
        if (it != best.cend() && !(cost < *it))
            return;
        best.insert(next->name, cost);
        via.insert(next->name, step);
        queue.emplace(cost, sequence++, next);
    };
    while (!queue.empty()) {
        const auto [cost, order, type] = queue.top();
        queue.pop();
        Q_UNUSED(order)
        if (best.value(type->name) < cost)
            continue;
        if (type == target)
            break;
        const auto [deprecated, required, length] = cost;
        for (const Field &field : type->fields) {
            if (field.name.startsWith(u"__"_s))
                continue;
            const NamedType *next = namedTypeOf(schema, field.type);
            if (!next || !isCompositeTypeKind(next->kind))
                continue;
            relax(next, {type, &field, next},
                  Cost{deprecated + (field.isDeprecated ? 1 : 0), required + (requiredArgumentCount(field) > 0 ? 1 : 0),
                       length + 1});
        }
        if (isAbstractKind(type->kind)) {
            for (const QString &name : type->possibleTypes) {
                if (const NamedType *next = schema.type(name))
                    relax(next, {type, nullptr, next}, Cost{deprecated, required, length + 1});
            }
        }
    }
    if (!best.contains(target->name))
        return std::nullopt;
    FoundPath path;
    const NamedType *at = target;
    while (!origin.contains(at->name)) {
        const PathStep step = via.value(at->name);
        path.steps.prepend(step);
        at = step.parent;
    }
    path.from = origin.value(at->name);
    return path;
}

// Builds field heads and collects the variables their required arguments need.
class FieldHeads
{
public:
    explicit FieldHeads(const Ast::OperationDefinition *operation)
    {
        if (!operation)
            return;
        for (const Ast::VariableDefinition *definition : operation->variableDefinitions) {
            if (definition->variable)
                m_taken.append(definition->variable->name);
        }
    }

    // "alias: name(arg: $arg, ...)".
    QString head(const Field &field, const QString &alias = QString())
    {
        QString text = alias.isEmpty() ? field.name : alias + u": "_s + field.name;
        QStringList arguments;
        for (const InputValue &arg : field.args) {
            if (!isRequired(arg))
                continue;
            const QString variable = freshName(field.name, arg.name);
            m_taken.append(variable);
            m_definitions.append(u'$' + variable + u": "_s + arg.type.toString());
            arguments.append(arg.name + u": $"_s + variable);
        }
        if (!arguments.isEmpty())
            text += u'(' + arguments.join(u", "_s) + u')';
        return text;
    }

    const QStringList &definitions() const { return m_definitions; }

private:
    QString freshName(const QString &fieldName, const QString &argName) const
    {
        if (!m_taken.contains(argName))
            return argName;
        const QString prefixed = fieldName + argName.left(1).toUpper() + argName.mid(1);
        if (!m_taken.contains(prefixed))
            return prefixed;
        for (int n = 2;; ++n) {
            const QString numbered = argName + QString::number(n);
            if (!m_taken.contains(numbered))
                return numbered;
        }
    }

    QStringList m_taken;
    QStringList m_definitions;
};

// The new field with graphiql-explorer's first default selection for composite types.
NewSelection fieldSelection(const Schema &schema, const Field &field, FieldHeads &heads, const QString &alias)
{
    NewSelection selection{heads.head(field, alias), {}, false};
    const NamedType *type = namedTypeOf(schema, field.type);
    if (type && isCompositeTypeKind(type->kind)) {
        const bool hasId = type->kind != TypeKind::Union && type->field(u"id"_s);
        selection.children.push_back({hasId ? u"id"_s : u"__typename"_s, {}, true});
    } else {
        selection.caretAfter = true;
    }
    return selection;
}

// The new selections of a path with the field innermost (variables numbered from the outermost field on).
NewSelection pathSelection(const Schema &schema, const QList<PathStep> &steps, const Field &field, FieldHeads &heads)
{
    QStringList stepHeads;
    for (const PathStep &step : steps)
        stepHeads.append(step.field ? heads.head(*step.field) : u"... on "_s + step.type->name);
    NewSelection inner = fieldSelection(schema, field, heads, QString());
    for (qsizetype i = steps.size() - 1; i >= 0; --i) {
        NewSelection outer{stepHeads.at(i), {}, false};
        outer.children.push_back(std::move(inner));
        inner = std::move(outer);
    }
    return inner;
}

// The edit that appends `selection` to `set`, and the caret (original-document offsets plus the new text).
std::pair<TextEdit, int> appendToSelectionSet(const QString &document, const Ast::SelectionSet *set,
                                              const NewSelection &selection)
{
    const int open = set->loc.offset;
    const int close = set->endOffset - 1;
    const Ast::Selection *last = set->selections.last();
    Renderer renderer;
    if (!QStringView(document).mid(open, close - open).contains(u'\n')) {
        renderer.oneLine(selection);
        const TextEdit edit{last->endOffset, 0, u' ' + renderer.text};
        return {edit, edit.offset + 1 + renderer.caret};
    }
    const QString ownerIndent = indentOfLine(document, open);
    const Ast::Selection *first = set->selections.first();
    QString childIndent = ownerIndent + renderer.unit;
    if (lineStart(document, first->loc.offset) > open) {
        const QString firstIndent = indentOfLine(document, first->loc.offset);
        if (lineStart(document, first->loc.offset) + firstIndent.size() == first->loc.offset)
            childIndent = firstIndent;
    }
    if (childIndent.size() > ownerIndent.size() && childIndent.startsWith(ownerIndent))
        renderer.unit = childIndent.mid(ownerIndent.size());
    renderer.multiLine(selection, childIndent);
    const int closeLine = lineStart(document, close);
    if (QStringView(document).mid(closeLine, close - closeLine).trimmed().isEmpty()) {
        const TextEdit edit{closeLine, 0, childIndent + renderer.text + u'\n'};
        return {edit, closeLine + int(childIndent.size()) + renderer.caret};
    }
    const TextEdit edit{last->endOffset, 0, u'\n' + childIndent + renderer.text};
    return {edit, edit.offset + 1 + int(childIndent.size()) + renderer.caret};
}

// The edit that adds `definitions` to the operation's VariableDefinitions (creating the list when absent).
TextEdit variableDefinitionsEdit(const QString &document, const Ast::OperationDefinition *operation,
                                 const QStringList &definitions)
{
    const QString joined = definitions.join(u", "_s);
    if (!operation->variableDefinitions.isEmpty())
        return {operation->variableDefinitions.last()->endOffset, 0, u", "_s + joined};
    if (operation->shorthand)
        return {operation->loc.offset, 0, u"query ("_s + joined + u") "_s};
    if (!operation->name.isEmpty())
        return {operation->nameOffset + int(operation->name.size()), 0, u'(' + joined + u')'};
    const int start = operation->description ? operation->description->endOffset : operation->loc.offset;
    const int keyword = skipIgnored(document, start);
    return {keyword + int(operationTypeKeyword(operation->operation).size()), 0, u" ("_s + joined + u')'};
}

const NamedType *rootType(const Schema &schema, OperationType operation)
{
    switch (operation) {
    case OperationType::Query:
        return schema.queryType();
    case OperationType::Mutation:
        return schema.mutationType();
    case OperationType::Subscription:
        return schema.subscriptionType();
    }
    return nullptr;
}

FieldInsertion failure(const QString &message)
{
    FieldInsertion result;
    result.message = message;
    return result;
}

// The selection answering under `key` in `set` (a Field), or nullptr.
const Ast::Field *fieldWithResponseKey(const Ast::SelectionSet *set, QStringView key)
{
    for (const Ast::Selection *selection : set->selections) {
        const auto *field = Ast::astCast<Ast::Field>(selection);
        if (field && field->responseKey() == key)
            return field;
    }
    return nullptr;
}

// A new operation appended at the end of the document.
FieldInsertion appendOperation(const Schema &schema, const QString &document, const Ast::Document *parsed,
                               OperationType kind, const Field &field, const NamedType *type)
{
    const NamedType *root = rootType(schema, kind);
    if (!root)
        return failure(u"The schema has no "_s + operationTypeKeyword(kind) + u" type."_s);
    FieldHeads heads(nullptr);
    NewSelection selection;
    if (root == type) {
        selection = fieldSelection(schema, field, heads, QString());
    } else {
        const auto path = findPath(schema, {ScopedSet{nullptr, root}}, type);
        if (!path)
            return failure(u"No field path leads from "_s + root->name + u" to "_s + type->name + u'.');
        selection = pathSelection(schema, path->steps, field, heads);
    }
    QString name;
    if (parsed) {
        const QList<const Ast::OperationDefinition *> operations = parsed->operations();
        for (const Ast::OperationDefinition *operation : operations) {
            if (operation->name.isEmpty())
                return failure(u"Name the document's anonymous operation before adding a "_s
                               + operationTypeKeyword(kind) + u" to it."_s);
        }
        if (!operations.isEmpty()) {
            const QString keyword = operationTypeKeyword(kind);
            const QString base = u"My"_s + keyword.left(1).toUpper() + keyword.mid(1);
            name = base;
            for (int n = 2; parsed->operation(name); ++n)
                name = base + QString::number(n);
        }
    }
    QString header = operationTypeKeyword(kind);
    if (!name.isEmpty())
        header += u' ' + name;
    if (!heads.definitions().isEmpty())
        header += (name.isEmpty() ? u" ("_s : u"("_s) + heads.definitions().join(u", "_s) + u')';
    NewSelection operation{header, {}, false};
    operation.children.push_back(std::move(selection));
    Renderer renderer;
    renderer.multiLine(operation, QString());
    QString prefix;
    if (!document.isEmpty() && !document.endsWith(u'\n'))
        prefix += u'\n';
    if (!document.trimmed().isEmpty())
        prefix += u'\n';
    FieldInsertion result;
    result.edits.append({int(document.size()), 0, prefix + renderer.text + u'\n'});
    result.cursorOffset = int(document.size() + prefix.size()) + renderer.caret;
    return result;
}

} // namespace

QString applyTextEdits(const QString &document, const QList<TextEdit> &edits)
{
    QString result = document;
    for (qsizetype i = edits.size() - 1; i >= 0; --i)
        result.replace(edits.at(i).offset, edits.at(i).length, edits.at(i).text);
    return result;
}

FieldInsertion planFieldInsertion(const Schema &schema, const QString &document, int cursorOffset,
                                  const QString &typeName, const QString &fieldName)
{
    const NamedType *type = schema.type(typeName);
    if (!type)
        return failure(u"Unknown type \""_s + typeName + u"\"."_s);
    if (type->kind != TypeKind::Object && type->kind != TypeKind::Interface)
        return failure(u"Type \""_s + typeName + u"\" has no fields to select."_s);
    const Field *field = type->field(fieldName);
    if (!field)
        return failure(u"Type \""_s + typeName + u"\" has no field \""_s + fieldName + u"\"."_s);

    // Which kind of operation the field belongs to when it is a root field.
    std::optional<OperationType> rootKind;
    if (typeName == schema.queryTypeName())
        rootKind = OperationType::Query;
    else if (typeName == schema.mutationTypeName())
        rootKind = OperationType::Mutation;
    else if (typeName == schema.subscriptionTypeName())
        rootKind = OperationType::Subscription;

    const ParseResult parsed = Parser::parse(document, ParseMode::Strict);
    if (!parsed.isValid()) {
        if (skipIgnored(document, 0) < document.size())
            return failure(u"Fix the syntax error first: "_s + parsed.errors.first().message);
        return appendOperation(schema, document, nullptr, rootKind.value_or(OperationType::Query), *field, type);
    }
    const QList<const Ast::OperationDefinition *> operations = parsed.document->operations();
    const Ast::OperationDefinition *atCursor = nullptr;
    for (const Ast::OperationDefinition *operation : operations) {
        if (cursorOffset >= operation->loc.offset && cursorOffset <= operation->endOffset) {
            atCursor = operation;
            break;
        }
    }
    const Ast::OperationDefinition *operation = nullptr;
    if (rootKind) {
        if (atCursor && atCursor->operation == *rootKind)
            operation = atCursor;
        for (qsizetype i = 0; !operation && i < operations.size(); ++i) {
            if (operations.at(i)->operation == *rootKind)
                operation = operations.at(i);
        }
    } else {
        operation = atCursor ? atCursor : (operations.isEmpty() ? nullptr : operations.first());
    }
    if (!operation || !operation->selectionSet)
        return appendOperation(schema, document, parsed.document.get(), rootKind.value_or(OperationType::Query),
                               *field, type);
    const NamedType *root = rootType(schema, operation->operation);
    if (!root)
        return failure(u"The schema has no "_s + operationTypeKeyword(operation->operation) + u" type."_s);

    // Where the new selection goes: `target` receives the field, or `wrapped` (the field inside new selections).
    QList<ScopedSet> sets;
    collectSelectionSets(schema, operation->selectionSet, root, sets);
    QList<Candidate> candidates;
    for (const ScopedSet &scoped : sets) {
        const NamedType *parent = scoped.parent;
        if (parent == type || (parent->interfaces.contains(typeName) && parent->field(fieldName)))
            candidates.append({scoped.set, true});
        else if (isAbstractKind(parent->kind) && schema.isPossibleType(parent->name, typeName))
            candidates.append({scoped.set, false});
    }
    const Candidate *chosen = nullptr;
    for (const Candidate &candidate : candidates) {
        const bool contains = cursorOffset >= candidate.set->loc.offset && cursorOffset <= candidate.set->endOffset;
        if (contains && (!chosen || candidate.set->endOffset - candidate.set->loc.offset
                                        < chosen->set->endOffset - chosen->set->loc.offset))
            chosen = &candidate;
    }
    for (qsizetype i = 0; !chosen && i < candidates.size(); ++i) {
        if (candidates.at(i).direct)
            chosen = &candidates.at(i);
    }
    if (!chosen && !candidates.isEmpty())
        chosen = &candidates.first();

    FieldHeads heads(operation);
    const Ast::SelectionSet *target = nullptr;
    std::optional<NewSelection> wrapped; // set when the field goes inside new selections
    if (chosen && chosen->direct) {
        target = chosen->set;
    } else if (chosen) {
        target = chosen->set;
        // Merge into an inline fragment on the type already there.
        for (const Ast::Selection *selection : chosen->set->selections) {
            const auto *inlineFragment = Ast::astCast<Ast::InlineFragment>(selection);
            if (inlineFragment && inlineFragment->typeCondition && inlineFragment->typeCondition->name == typeName
                && inlineFragment->directives.isEmpty() && inlineFragment->selectionSet) {
                target = inlineFragment->selectionSet;
                break;
            }
        }
        if (target == chosen->set) {
            NewSelection fragment{u"... on "_s + typeName, {}, false};
            fragment.children.push_back(fieldSelection(schema, *field, heads, QString()));
            wrapped = std::move(fragment);
        }
    } else if (root == type) {
        target = operation->selectionSet;
    } else {
        const auto path = findPath(schema, sets, type);
        if (!path)
            return failure(u"No field path leads from "_s + root->name + u" to "_s + typeName + u'.');
        target = path->from;
        wrapped = pathSelection(schema, path->steps, *field, heads);
    }

    QString alias;
    if (!wrapped) {
        if (const Ast::Field *existing = fieldWithResponseKey(target, fieldName)) {
            if (existing->name == fieldName && existing->alias.isEmpty()) {
                FieldInsertion result;
                result.cursorOffset = existing->nameOffset + int(existing->name.size());
                return result;
            }
            for (int n = 2; alias.isEmpty() || fieldWithResponseKey(target, alias); ++n)
                alias = fieldName + QString::number(n);
        }
    }
    if (operation->operation == OperationType::Subscription && target == operation->selectionSet)
        return failure(u"A subscription selects a single root field; add it to a new subscription operation."_s);

    const NewSelection selection = wrapped ? std::move(*wrapped) : fieldSelection(schema, *field, heads, alias);
    const auto [edit, caret] = appendToSelectionSet(document, target, selection);
    FieldInsertion result;
    int shift = 0;
    if (!heads.definitions().isEmpty()) {
        const TextEdit variables = variableDefinitionsEdit(document, operation, heads.definitions());
        result.edits.append(variables);
        shift = int(variables.text.size()) - variables.length;
    }
    result.edits.append(edit);
    result.cursorOffset = caret + shift;
    return result;
}

} // namespace Sextant::Core
