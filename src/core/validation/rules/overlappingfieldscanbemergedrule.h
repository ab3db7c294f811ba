// SPDX-License-Identifier: MIT
// Sextant: §5.3.2 Field Selection Merging (graphql-js OverlappingFieldsCanBeMergedRule).
#pragma once

#include <core/validation/rules/validationrule.h>

#include <QtCore/QHash>
#include <QtCore/QList>

#include <deque>
#include <memory>

namespace Sextant::Core {

/**
 * §5.3.2 Field Selection Merging — port of graphql-js 16.15 OverlappingFieldsCanBeMergedRule: fields with the
 * same response name must be the same field with the same arguments (unless their parents are distinct object
 * types) and have compatible return types, recursively through fragments. Same reasons, nesting, node lists
 * (at most 20), 1000-character abbreviation and 500,000-unit complexity budget as graphql-js. One instance per
 * validation, on the validating thread.
 */
class OverlappingFieldsCanBeMergedRule final : public ValidationRule
{
public:
    explicit OverlappingFieldsCanBeMergedRule(ValidationContext &context);
    ~OverlappingFieldsCanBeMergedRule() override;
    bool enter(const Ast::Node *node) override;

    struct FieldDetail
    {
        const NamedType *parentType;
        const Ast::Field *node;
        const Field *definition;
    };
    struct Group
    {
        QStringView responseName;
        QList<FieldDetail> fields;
    };
    struct CollectResult
    {
        QList<Group> groups;
        QHash<QStringView, qsizetype> index;
        QList<QStringView> fragmentNames;
        QHash<QStringView, bool> comparedFragments;
    };
    struct Conflict
    {
        QStringView responseName;
        QString reason;
        QList<const Ast::Field *> fields1;
        QList<const Ast::Field *> fields2;
    };

private:
    CollectResult &collectFields(const NamedType *parentType, const Ast::SelectionSet *selectionSet);
    CollectResult *collectFragmentFields(const Ast::FragmentDefinition *fragment);
    void collectFieldsImpl(const NamedType *parentType, const Ast::SelectionSet *selectionSet, CollectResult &result);
    QList<Conflict> findConflictsWithinSelectionSet(const NamedType *parentType, const Ast::SelectionSet *selectionSet);
    void collectConflictsBetweenFieldsAndFragment(QList<Conflict> &conflicts, bool exclusive, CollectResult &result,
                                                  QStringView fragmentName);
    void collectConflictsBetweenFragments(QList<Conflict> &conflicts, bool exclusive, QStringView name1,
                                          QStringView name2);
    QList<Conflict> findConflictsBetweenSubSelectionSets(bool exclusive, const NamedType *parentType1,
                                                         const Ast::SelectionSet *set1, const NamedType *parentType2,
                                                         const Ast::SelectionSet *set2);
    void collectConflictsWithin(QList<Conflict> &conflicts, const CollectResult &result);
    void collectConflictsBetween(QList<Conflict> &conflicts, bool exclusive, const CollectResult &result1,
                                 const CollectResult &result2);
    bool findConflict(bool parentFieldsAreMutuallyExclusive, QStringView responseName, const FieldDetail &field1,
                      const FieldDetail &field2, Conflict &conflict);
    bool sameArguments(const Ast::Field *field1, const Ast::Field *field2);
    bool doTypesConflict(const TypeRef &type1, const TypeRef &type2);
    void spend(qsizetype cost);

    QHash<QPair<const void *, const void *>, CollectResult *> m_collected;
    std::deque<CollectResult> m_results;
    QHash<QPair<QStringView, QStringView>, bool> m_comparedFragmentPairs;
    QHash<const Ast::Value *, QString> m_stringified;
    qsizetype m_budget = 500000;
};

} // namespace Sextant::Core
