// SPDX-License-Identifier: MIT
// Sextant: one undoable move of a collection entry on disk (rename, move, delete to the trash).
#pragma once

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace Sextant::App {

/**
 * Moves a request (its .graphql and sidecar, Store::CollectionStore::moveRequest) or a folder
 * (CollectionStore::moveFolder) from one path to another; undo moves it back. Rename, move and delete (a move into
 * the dock's trash directory) are all this command. The move has already been done when the command is pushed,
 * so the first redo() does nothing. When a later undo/redo fails (the file was changed or taken away outside
 * Sextant), @p onError gets the message and the command becomes obsolete, so the stack drops it. UI thread.
 */
class CollectionMoveCommand final : public QUndoCommand
{
public:
    using ErrorHandler = std::function<void(const QString &message)>;
    using MovedHandler = std::function<void(const QString &from, const QString &to)>;

    CollectionMoveCommand(const QString &text, const QString &from, const QString &to, bool isFolder,
                          ErrorHandler onError, MovedHandler onMoved, QUndoCommand *parent = nullptr);
    ~CollectionMoveCommand() override;

    void undo() override;
    void redo() override;

private:
    void move(const QString &from, const QString &to);

    QString m_from;
    QString m_to;
    bool m_isFolder = false;
    bool m_done = true; ///< the move was made before the push
    ErrorHandler m_onError;
    MovedHandler m_onMoved;
};

} // namespace Sextant::App
