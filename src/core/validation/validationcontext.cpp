// SPDX-License-Identifier: MIT
// Sextant: what the validation rules share: schema, document, TypeInfo, fragment and variable indexes, errors.
#include <core/validation/validationcontext.h>

#include <core/validation/astwalker.h>

#include <QtCore/QSet>

#include <algorithm>

namespace Sextant::Core {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxErrors = 100;

// Collects the variables of an operation or fragment with a TypeInfo of its own (graphql-js getVariableUsages).
class VariableUsageCollector final
{
public:
    VariableUsageCollector(const Schema &schema, QList<VariableUsage> &usages) : m_typeInfo(schema), m_usages(usages) {}
    bool enter(const Ast::Node *node)
    {
        if (node->kind == Ast::NodeKind::VariableDefinition)
            return false;
        m_typeInfo.enter(node);
        if (node->kind == Ast::NodeKind::Variable) {
            m_usages.append({static_cast<const Ast::Variable *>(node), m_typeInfo.inputType(),
                             m_typeInfo.hasDefaultValue(), m_typeInfo.parentInputType()});
        }
        return true;
    }
    void leave(const Ast::Node *node) { m_typeInfo.leave(node); }

private:
    TypeInfo m_typeInfo;
    QList<VariableUsage> &m_usages;
};

} // namespace

ValidationContext::ValidationContext(const Schema &schema, const Ast::Document &document)
    : m_schema(schema), m_document(document), m_typeInfo(schema)
{
    const QString &source = document.source;
    m_lineStarts.push_back(0);
    for (qsizetype i = 0; i < source.size(); ++i) {
        const char16_t c = source[i].unicode();
        if (c == u'\n') {
            m_lineStarts.push_back(int(i + 1));
        } else if (c == u'\r') {
            if (i + 1 < source.size() && source[i + 1] == u'\n')
                ++i;
            m_lineStarts.push_back(int(i + 1));
        }
    }
}

void ValidationContext::reportError(const QString &message, std::initializer_list<SourceLocation> locations)
{
    reportError(message, QList<SourceLocation>(locations));
}

void ValidationContext::reportError(const QString &message, const QList<SourceLocation> &locations)
{
    if (m_errors.size() >= MaxErrors) {
        m_errors.append({u"Too many validation errors, error limit reached. Validation aborted."_s, {}});
        throw ValidationAborted();
    }
    m_errors.append({message, locations});
}

void ValidationContext::abortValidation()
{
    m_errors.append({u"Validation aborted."_s, {}});
    throw ValidationAborted();
}

SourceLocation ValidationContext::location(int offset) const
{
    // A partial Document (tolerant parse) may carry -1 offsets: clamp like locationAt().
    offset = std::clamp(offset, 0, int(m_document.source.size()));
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const int line = int(it - m_lineStarts.begin());
    return SourceLocation{line, offset - m_lineStarts[size_t(line - 1)] + 1, offset};
}

void ValidationContext::spendFragmentWork(qsizetype amount)
{
    m_remainingFragmentWork -= amount;
    if (m_remainingFragmentWork < 0)
        abortValidation();
}

const Ast::FragmentDefinition *ValidationContext::fragment(QStringView name)
{
    if (!m_fragmentsIndexed) {
        m_fragmentsIndexed = true;
        for (const Ast::Definition *definition : m_document.definitions) {
            if (const auto *fragment = Ast::astCast<Ast::FragmentDefinition>(definition))
                m_fragments.insert(fragment->name, fragment); // the last definition wins, as in graphql-js
        }
    }
    return m_fragments.value(name, nullptr);
}

const QList<const Ast::FragmentSpread *> &ValidationContext::fragmentSpreads(const Ast::SelectionSet *selectionSet)
{
    auto it = m_fragmentSpreads.find(selectionSet);
    if (it != m_fragmentSpreads.end())
        return it->second;
    QList<const Ast::FragmentSpread *> spreads;
    QVarLengthArray<const Ast::SelectionSet *, 32> setsToVisit;
    setsToVisit.append(selectionSet);
    while (!setsToVisit.isEmpty()) {
        const Ast::SelectionSet *set = setsToVisit.last();
        setsToVisit.removeLast();
        if (!set)
            continue;
        for (const Ast::Selection *selection : set->selections) {
            if (selection->kind == Ast::NodeKind::FragmentSpread) {
                spreads.append(static_cast<const Ast::FragmentSpread *>(selection));
            } else if (selection->kind == Ast::NodeKind::Field) {
                if (const auto *child = static_cast<const Ast::Field *>(selection)->selectionSet)
                    setsToVisit.append(child);
            } else {
                setsToVisit.append(static_cast<const Ast::InlineFragment *>(selection)->selectionSet);
            }
        }
    }
    return m_fragmentSpreads.emplace(selectionSet, std::move(spreads)).first->second;
}

QList<const Ast::FragmentDefinition *> ValidationContext::recursivelyReferencedFragmentsForOperations(
    const QList<const Ast::OperationDefinition *> &operations)
{
    QList<QStringView> collectedNames;
    QSet<QStringView> seen;
    for (const Ast::OperationDefinition *operation : operations) {
        for (const Ast::FragmentSpread *spread : fragmentSpreads(operation->selectionSet)) {
            if (!seen.contains(spread->name)) {
                seen.insert(spread->name);
                collectedNames.append(spread->name);
            }
        }
    }
    QList<const Ast::FragmentDefinition *> fragments;
    spendFragmentWork(collectedNames.size());
    for (qsizetype i = 0; i < collectedNames.size(); ++i) {
        const Ast::FragmentDefinition *definition = fragment(collectedNames[i]);
        if (!definition)
            continue;
        fragments.append(definition);
        const auto &spreads = fragmentSpreads(definition->selectionSet);
        spendFragmentWork(spreads.size());
        for (const Ast::FragmentSpread *spread : spreads) {
            if (!seen.contains(spread->name)) {
                seen.insert(spread->name);
                collectedNames.append(spread->name);
            }
        }
    }
    return fragments;
}

const QList<const Ast::FragmentDefinition *> &
ValidationContext::recursivelyReferencedFragments(const Ast::OperationDefinition *operation)
{
    auto it = m_referencedFragments.find(operation);
    if (it != m_referencedFragments.end())
        return it->second;
    return m_referencedFragments.emplace(operation, recursivelyReferencedFragmentsForOperations({operation}))
        .first->second;
}

const QList<VariableUsage> &ValidationContext::variableUsages(const Ast::Node *node)
{
    auto it = m_variableUsages.find(node);
    if (it != m_variableUsages.end())
        return it->second;
    QList<VariableUsage> usages;
    VariableUsageCollector collector(m_schema, usages);
    AstWalker<VariableUsageCollector>(collector).walk(node);
    return m_variableUsages.emplace(node, std::move(usages)).first->second;
}

const QList<VariableUsage> &ValidationContext::recursiveVariableUsages(const Ast::OperationDefinition *operation)
{
    auto it = m_recursiveVariableUsages.find(operation);
    if (it != m_recursiveVariableUsages.end())
        return it->second;
    const QList<const Ast::FragmentDefinition *> fragments = recursivelyReferencedFragments(operation);
    spendFragmentWork(fragments.size());
    QList<VariableUsage> usages = variableUsages(operation);
    for (const Ast::FragmentDefinition *fragment : fragments) {
        const QList<VariableUsage> &local = variableUsages(fragment);
        spendFragmentWork(local.size());
        usages.append(local);
    }
    spendFragmentWork(usages.size());
    return m_recursiveVariableUsages.emplace(operation, std::move(usages)).first->second;
}

} // namespace Sextant::Core
