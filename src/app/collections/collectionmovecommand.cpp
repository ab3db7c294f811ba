// SPDX-License-Identifier: MIT
// Sextant: undo and redo of collection moves, dropped from the stack when the disk no longer allows them.
#include "app/collections/collectionmovecommand.h"

#include "store/collectionstore.h"

namespace Sextant::App {

CollectionMoveCommand::CollectionMoveCommand(const QString &text, const QString &from, const QString &to, bool isFolder,
                                             ErrorHandler onError, MovedHandler onMoved, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_from(from)
    , m_to(to)
    , m_isFolder(isFolder)
    , m_onError(std::move(onError))
    , m_onMoved(std::move(onMoved))
{}

CollectionMoveCommand::~CollectionMoveCommand() = default;

void CollectionMoveCommand::undo()
{
    move(m_to, m_from);
    m_done = false;
}

void CollectionMoveCommand::redo()
{
    if (m_done)
        return; // pushed after the move itself
    move(m_from, m_to);
    m_done = true;
}

void CollectionMoveCommand::move(const QString &from, const QString &to)
{
    QString error;
    const bool moved = m_isFolder ? Store::CollectionStore::moveFolder(from, to, &error)
                                  : Store::CollectionStore::moveRequest(from, to, &error);
    if (!moved) {
        setObsolete(true);
        if (m_onError)
            m_onError(error);
        return;
    }
    if (m_onMoved)
        m_onMoved(from, to);
}

} // namespace Sextant::App
