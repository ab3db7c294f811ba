// SPDX-License-Identifier: MIT
// Sextant: the interface of one validation rule run by the Validator's parallel walk.
#pragma once

#include <core/language/ast.h>
#include <core/validation/validationcontext.h>

namespace Sextant::Core {

/**
 * One graphql-js validation rule (spec §5): the Validator calls enter()/leave() for the node kinds named in
 * enterKinds()/leaveKinds(), in document order and, at each node, in specifiedRules order — graphql-js
 * visitInParallel. enter() returning false skips the node's subtree for this rule only. Rules report through
 * the ValidationContext and live for one validation on one thread.
 */
class ValidationRule
{
public:
    explicit ValidationRule(ValidationContext &context) : m_context(context) {}
    virtual ~ValidationRule() = default;
    Q_DISABLE_COPY_MOVE(ValidationRule)

    virtual bool enter(const Ast::Node *) { return true; }
    virtual void leave(const Ast::Node *) {}

    quint64 enterKinds() const { return m_enterKinds; }
    quint64 leaveKinds() const { return m_leaveKinds; }

    static constexpr quint64 bit(Ast::NodeKind kind) { return quint64(1) << quint64(kind); }
    static constexpr quint64 AllKinds = ~quint64(0);

protected:
    ValidationContext &m_context;
    quint64 m_enterKinds = 0;
    quint64 m_leaveKinds = 0;
};

} // namespace Sextant::Core
