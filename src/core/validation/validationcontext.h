// SPDX-License-Identifier: MIT
// Sextant: what the validation rules share: schema, document, TypeInfo, fragment and variable indexes, errors.
#pragma once

#include <core/language/ast.h>
#include <core/schema/schema.h>
#include <core/validation/typeinfo.h>
#include <core/validation/validationerror.h>

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QVarLengthArray>

#include <initializer_list>
#include <memory>
#include <unordered_map>
#include <vector>

namespace Sextant::Core {

/** A use of a variable with the input type expected where it appears (graphql-js VariableUsage). */
struct VariableUsage
{
    const Ast::Variable *node = nullptr;
    TypeRef type; ///< invalid when the position is unknown
    bool hasLocationDefault = false;
    TypeRef parentType; ///< the enclosing input type (graphql-js getParentInputType())
};

/**
 * The graphql-js 16 ValidationContext for one validate() call (spec §5 "Validation"): owns the TypeInfo, the
 * errors and the lazily built indexes (fragments by name — the last definition wins —, fragment spreads per
 * selection set, recursively referenced fragments and variable usages per operation). Lives on the
 * validating thread for the duration of one Validator::validate().
 *
 * reportError() stops validation (by throwing ValidationAborted, caught by the Validator) after 100 errors,
 * like graphql-js maxErrors; spendFragmentWork() does the same after the 50,000-unit fragment work budget.
 */
class ValidationContext final
{
public:
    struct ValidationAborted
    {};

    ValidationContext(const Schema &schema, const Ast::Document &document);
    Q_DISABLE_COPY_MOVE(ValidationContext)

    const Schema &schema() const { return m_schema; }
    const Ast::Document &document() const { return m_document; }
    TypeInfo &typeInfo() { return m_typeInfo; }
    const TypeInfo &typeInfo() const { return m_typeInfo; }

    void reportError(const QString &message, std::initializer_list<SourceLocation> locations);
    void reportError(const QString &message, const QList<SourceLocation> &locations);
    /** Ends validation with graphql-js's "Validation aborted." error. */
    [[noreturn]] void abortValidation();
    QList<ValidationError> takeErrors() { return std::move(m_errors); }
    const QList<ValidationError> &errors() const { return m_errors; }

    /** The line/column of an offset into the document's source (binary search over line starts). */
    SourceLocation location(int offset) const;

    const Ast::FragmentDefinition *fragment(QStringView name);
    const QList<const Ast::FragmentSpread *> &fragmentSpreads(const Ast::SelectionSet *selectionSet);
    const QList<const Ast::FragmentDefinition *> &recursivelyReferencedFragments(const Ast::OperationDefinition *op);
    QList<const Ast::FragmentDefinition *>
    recursivelyReferencedFragmentsForOperations(const QList<const Ast::OperationDefinition *> &operations);
    const QList<VariableUsage> &variableUsages(const Ast::Node *operationOrFragment);
    const QList<VariableUsage> &recursiveVariableUsages(const Ast::OperationDefinition *operation);
    void spendFragmentWork(qsizetype amount);

    /** Ancestors of the node being entered or left (innermost last), maintained by the Validator. */
    void pushAncestor(const Ast::Node *node) { m_ancestors.append(node); }
    void popAncestor() { m_ancestors.removeLast(); }
    /** 1 = parent, 2 = grandparent, …; nullptr past the root. */
    const Ast::Node *ancestor(qsizetype level) const
    {
        return level <= m_ancestors.size() ? m_ancestors[m_ancestors.size() - level] : nullptr;
    }
    /** The top-level definition being walked (graphql-js `ancestors[2] ?? parent`), nullptr at the Document. */
    const Ast::Node *currentDefinition() const { return m_ancestors.size() > 1 ? m_ancestors[1] : nullptr; }

private:
    const Schema &m_schema;
    const Ast::Document &m_document;
    TypeInfo m_typeInfo;
    QList<ValidationError> m_errors;
    std::vector<int> m_lineStarts;
    QHash<QStringView, const Ast::FragmentDefinition *> m_fragments;
    bool m_fragmentsIndexed = false;
    std::unordered_map<const Ast::SelectionSet *, QList<const Ast::FragmentSpread *>> m_fragmentSpreads;
    std::unordered_map<const Ast::OperationDefinition *, QList<const Ast::FragmentDefinition *>> m_referencedFragments;
    std::unordered_map<const Ast::Node *, QList<VariableUsage>> m_variableUsages;
    std::unordered_map<const Ast::OperationDefinition *, QList<VariableUsage>> m_recursiveVariableUsages;
    QVarLengthArray<const Ast::Node *, 64> m_ancestors;
    qsizetype m_remainingFragmentWork = 50000;
};

} // namespace Sextant::Core
