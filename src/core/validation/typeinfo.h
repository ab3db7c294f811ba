// SPDX-License-Identifier: MIT
// Sextant: tracks the schema types while walking a Document (graphql-js utilities/TypeInfo).
#pragma once

#include <core/language/ast.h>
#include <core/schema/schema.h>

#include <vector>

namespace Sextant::Core {

/**
 * The TypeInfo of graphql-js 16 (GraphQL spec §5 "Validation" needs the type at every point of a
 * Document): enter()/leave() are called for every node in walk order and keep stacks of the output type,
 * the parent composite type, the input type, the field definition and whether the input position has a
 * default value, plus the current directive and argument definition. Works on one thread; an unknown name
 * anywhere gives "unknown" (nullptr / an invalid TypeRef), exactly where graphql-js gives undefined.
 *
 * The free helpers resolve TypeRefs against a Schema: typeFromAst() is invalid when the named type does not
 * exist (graphql-js typeFromAST), fieldDefinition() knows the meta fields __schema, __type, __typename.
 */
class TypeInfo final
{
public:
    explicit TypeInfo(const Schema &schema);

    void enter(const Ast::Node *node);
    void leave(const Ast::Node *node);

    TypeRef type() const { return m_typeStack.empty() ? TypeRef() : m_typeStack.back(); }
    const NamedType *parentType() const { return m_parentTypeStack.empty() ? nullptr : m_parentTypeStack.back(); }
    TypeRef inputType() const { return m_inputTypeStack.empty() ? TypeRef() : m_inputTypeStack.back(); }
    TypeRef parentInputType() const
    {
        return m_inputTypeStack.size() > 1 ? m_inputTypeStack[m_inputTypeStack.size() - 2] : TypeRef();
    }
    const Field *fieldDef() const { return m_fieldDefStack.empty() ? nullptr : m_fieldDefStack.back(); }
    /** True when the current input position (argument or input field) has a default value. */
    bool hasDefaultValue() const { return !m_defaultValueStack.empty() && m_defaultValueStack.back(); }
    const Directive *directive() const { return m_directive; }
    const InputValue *argument() const { return m_argument; }

private:
    const Schema &m_schema;
    std::vector<TypeRef> m_typeStack;
    std::vector<const NamedType *> m_parentTypeStack;
    std::vector<TypeRef> m_inputTypeStack;
    std::vector<const Field *> m_fieldDefStack;
    std::vector<bool> m_defaultValueStack;
    const Directive *m_directive = nullptr;
    const InputValue *m_argument = nullptr;
};

/** The named type at the core of `type`, or nullptr (invalid reference, unknown name). */
const NamedType *namedTypeOf(const Schema &schema, const TypeRef &type);
/** graphql-js typeFromAST: invalid when the named type is not in the schema. */
TypeRef typeFromAst(const Schema &schema, const Ast::Type *type);
/** graphql-js getFieldDef: the meta fields on the query type / any composite type, else the type's field. */
const Field *fieldDefinition(const Schema &schema, const NamedType *parentType, QStringView fieldName);

bool isInputType(const Schema &schema, const TypeRef &type);
bool isOutputType(const Schema &schema, const TypeRef &type);
inline bool isLeafKind(TypeKind kind)
{
    return kind == TypeKind::Scalar || kind == TypeKind::Enum;
}
inline bool isAbstractKind(TypeKind kind)
{
    return kind == TypeKind::Interface || kind == TypeKind::Union;
}

} // namespace Sextant::Core
