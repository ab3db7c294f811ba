// SPDX-License-Identifier: MIT
// Sextant: validates an executable Document against a Schema (spec §5 "Validation", graphql-js 16 validate()).
#include <core/validation/validator.h>

#include <core/validation/astwalker.h>
#include <core/validation/validationcontext.h>

#include <core/validation/rules/executabledefinitionsrule.h>
#include <core/validation/rules/fieldsoncorrecttyperule.h>
#include <core/validation/rules/fragmentsoncompositetypesrule.h>
#include <core/validation/rules/knownargumentnamesrule.h>
#include <core/validation/rules/knowndirectivesrule.h>
#include <core/validation/rules/knownfragmentnamesrule.h>
#include <core/validation/rules/knowntypenamesrule.h>
#include <core/validation/rules/loneanonymousoperationrule.h>
#include <core/validation/rules/maxintrospectiondepthrule.h>
#include <core/validation/rules/nofragmentcyclesrule.h>
#include <core/validation/rules/noundefinedvariablesrule.h>
#include <core/validation/rules/nounusedfragmentsrule.h>
#include <core/validation/rules/nounusedvariablesrule.h>
#include <core/validation/rules/overlappingfieldscanbemergedrule.h>
#include <core/validation/rules/possiblefragmentspreadsrule.h>
#include <core/validation/rules/providedrequiredargumentsrule.h>
#include <core/validation/rules/scalarleafsrule.h>
#include <core/validation/rules/singlefieldsubscriptionsrule.h>
#include <core/validation/rules/uniqueargumentnamesrule.h>
#include <core/validation/rules/uniquedirectivesperlocationrule.h>
#include <core/validation/rules/uniquefragmentnamesrule.h>
#include <core/validation/rules/uniqueinputfieldnamesrule.h>
#include <core/validation/rules/uniqueoperationnamesrule.h>
#include <core/validation/rules/uniquevariablenamesrule.h>
#include <core/validation/rules/valuesofcorrecttyperule.h>
#include <core/validation/rules/variablesareinputtypesrule.h>
#include <core/validation/rules/variablesinallowedpositionrule.h>

#include <QtCore/QVarLengthArray>

#include <array>
#include <memory>
#include <vector>

namespace Sextant::Core {

namespace {

constexpr int KindCount = int(Ast::NodeKind::Name) + 1;

template<class... Rules>
std::vector<std::unique_ptr<ValidationRule>> makeRules(ValidationContext &context)
{
    std::vector<std::unique_ptr<ValidationRule>> rules;
    rules.reserve(sizeof...(Rules));
    (rules.push_back(std::make_unique<Rules>(context)), ...);
    return rules;
}

// graphql-js visitInParallel wrapped in visitWithTypeInfo: TypeInfo first on enter and last on leave, rules in
// specifiedRules order, a rule whose enter() returned false sits out until the walk leaves that node.
class ParallelVisitor final
{
public:
    ParallelVisitor(ValidationContext &context, std::vector<std::unique_ptr<ValidationRule>> &rules)
        : m_context(context), m_rules(rules), m_skipping(rules.size(), nullptr)
    {
        for (size_t i = 0; i < rules.size(); ++i) {
            for (int kind = 0; kind < KindCount; ++kind) {
                if (rules[i]->enterKinds() & (quint64(1) << kind))
                    m_enter[size_t(kind)].append(int(i));
                if (rules[i]->leaveKinds() & (quint64(1) << kind))
                    m_leave[size_t(kind)].append(int(i));
            }
        }
    }

    bool enter(const Ast::Node *node)
    {
        m_context.typeInfo().enter(node);
        for (int i : m_enter[size_t(node->kind)]) {
            if (!m_skipping[size_t(i)] && !m_rules[size_t(i)]->enter(node)) {
                m_skipping[size_t(i)] = node;
                ++m_skippingCount;
            }
        }
        m_context.pushAncestor(node);
        return true;
    }

    void leave(const Ast::Node *node)
    {
        m_context.popAncestor();
        for (int i : m_leave[size_t(node->kind)]) {
            if (!m_skipping[size_t(i)])
                m_rules[size_t(i)]->leave(node);
        }
        if (m_skippingCount > 0) {
            for (auto &skipping : m_skipping) {
                if (skipping == node) {
                    skipping = nullptr;
                    --m_skippingCount;
                }
            }
        }
        m_context.typeInfo().leave(node);
    }

private:
    ValidationContext &m_context;
    std::vector<std::unique_ptr<ValidationRule>> &m_rules;
    std::vector<const Ast::Node *> m_skipping;
    int m_skippingCount = 0;
    std::array<QVarLengthArray<int, 8>, KindCount> m_enter;
    std::array<QVarLengthArray<int, 8>, KindCount> m_leave;
};

} // namespace

QList<ValidationError> Validator::validate(const Schema &schema, const Ast::Document &document)
{
    ValidationContext context(schema, document);
    auto rules =
        makeRules<ExecutableDefinitionsRule, UniqueOperationNamesRule, LoneAnonymousOperationRule,
                  SingleFieldSubscriptionsRule, KnownTypeNamesRule, FragmentsOnCompositeTypesRule,
                  VariablesAreInputTypesRule, ScalarLeafsRule, FieldsOnCorrectTypeRule, UniqueFragmentNamesRule,
                  KnownFragmentNamesRule, NoUnusedFragmentsRule, PossibleFragmentSpreadsRule, NoFragmentCyclesRule,
                  UniqueVariableNamesRule, NoUndefinedVariablesRule, NoUnusedVariablesRule, KnownDirectivesRule,
                  UniqueDirectivesPerLocationRule, KnownArgumentNamesRule, UniqueArgumentNamesRule,
                  ValuesOfCorrectTypeRule, ProvidedRequiredArgumentsRule, VariablesInAllowedPositionRule,
                  OverlappingFieldsCanBeMergedRule, UniqueInputFieldNamesRule, MaxIntrospectionDepthRule>(context);
    ParallelVisitor visitor(context, rules);
    try {
        AstWalker<ParallelVisitor>(visitor).walk(&document);
    } catch (const ValidationContext::ValidationAborted &) {
        // The error saying why is already in the list, as in graphql-js.
    }
    return context.takeErrors();
}

} // namespace Sextant::Core
