// SPDX-License-Identifier: MIT
// Sextant: inserting a schema field into a QScintilla editor: text, caret, one undo step.
#include <app/editor/editorsetup.h>
#include <app/editor/fieldinserter.h>
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>

#include <Qsci/qsciscintilla.h>

#include <QFile>
#include <QTest>

#include <memory>

using namespace Sextant;
using namespace Qt::StringLiterals;

class FieldInserterTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void insertsAtCaret_data();
    void insertsAtCaret();
    void alreadySelectedMovesCaretOnly();
    void refusalLeavesTextAlone();

private:
    // Puts @p marked (with a `|` caret marker) into the editor and the caret there.
    static void setText(QsciScintilla &editor, const QString &marked);
    static int caretOffset(QsciScintilla &editor);

    std::shared_ptr<const Core::Schema> m_schema;
};

void FieldInserterTest::initTestCase()
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/small/introspection.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_schema = Core::IntrospectionReader::read(file.readAll()).schema;
    QVERIFY(m_schema);
}

void FieldInserterTest::setText(QsciScintilla &editor, const QString &marked)
{
    const qsizetype at = marked.indexOf(u'|');
    const QString text = QString(marked).remove(at, 1);
    editor.setText(text);
    editor.SendScintilla(QsciScintilla::SCI_EMPTYUNDOBUFFER);
    editor.SendScintilla(QsciScintilla::SCI_GOTOPOS, static_cast<unsigned long>(text.left(at).toUtf8().size()));
}

int FieldInserterTest::caretOffset(QsciScintilla &editor)
{
    return App::utf16OffsetOfPosition(&editor, int(editor.SendScintilla(QsciScintilla::SCI_GETCURRENTPOS)));
}

void FieldInserterTest::insertsAtCaret_data()
{
    QTest::addColumn<QString>("document"); // `|`: the caret before
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("expected"); // `|`: the caret after

    QTest::newRow("empty editor") << u"|"_s << u"Query"_s << u"viewer"_s << u"query {\n  viewer {\n    id|\n  }\n}\n"_s;
    // Non-ASCII text before the edits: UTF-16 offsets and Scintilla byte positions differ.
    QTest::newRow("non-ASCII before, variables and field edits")
        << u"# Zoë → 🚀\nquery Q {\n  viewer {\n    id\n  }\n  member(id: \"Þór\") {\n    id|\n  }\n}\n"_s
        << u"Member"_s << u"loans"_s
        << u"# Zoë → 🚀\nquery Q {\n  viewer {\n    id\n  }\n  member(id: \"Þór\") {\n    id\n    loans {\n"
           "      __typename|\n    }\n  }\n}\n"_s;
    QTest::newRow("required argument adds a variable")
        << u"query Q {\n  serverTime|\n}\n"_s << u"Query"_s << u"member"_s
        << u"query Q($id: ID!) {\n  serverTime\n  member(id: $id) {\n    id|\n  }\n}\n"_s;
}

void FieldInserterTest::insertsAtCaret()
{
    QFETCH(QString, document);
    QFETCH(QString, typeName);
    QFETCH(QString, fieldName);
    QFETCH(QString, expected);
    QsciScintilla editor;
    App::configureCodeEditor(&editor);
    setText(editor, document);
    const QString before = editor.text();
    const qsizetype caretAt = expected.indexOf(u'|');
    const QString expectedText = QString(expected).remove(caretAt, 1);

    QString message = u"stale"_s;
    QVERIFY(App::insertField(&editor, *m_schema, typeName, fieldName, &message));
    QCOMPARE(message, QString());
    QCOMPARE(editor.text(), expectedText);
    QCOMPARE(caretOffset(editor), int(caretAt));

    // One undo step restores the text exactly; redo brings the insertion back.
    QVERIFY(editor.isUndoAvailable());
    editor.undo();
    QCOMPARE(editor.text(), before);
    editor.redo();
    QCOMPARE(editor.text(), expectedText);
}

void FieldInserterTest::alreadySelectedMovesCaretOnly()
{
    QsciScintilla editor;
    setText(editor, u"{ viewer { id displayName } }|"_s);
    QVERIFY(App::insertField(&editor, *m_schema, u"Member"_s, u"displayName"_s));
    QCOMPARE(editor.text(), u"{ viewer { id displayName } }"_s);
    QCOMPARE(caretOffset(editor), 25);
    QVERIFY(!editor.isUndoAvailable());
}

void FieldInserterTest::refusalLeavesTextAlone()
{
    QsciScintilla editor;
    setText(editor, u"{ viewer { id }|"_s);
    QString message;
    QVERIFY(!App::insertField(&editor, *m_schema, u"Query"_s, u"serverTime"_s, &message));
    QVERIFY2(message.startsWith(u"Fix the syntax error first"_s), qPrintable(message));
    QCOMPARE(editor.text(), u"{ viewer { id }"_s);
    QVERIFY(!editor.isUndoAvailable());

    editor.setText(u"{ viewer { id } }"_s);
    editor.setReadOnly(true);
    QVERIFY(!App::insertField(&editor, *m_schema, u"Query"_s, u"serverTime"_s, &message));
    QCOMPARE(message, u"The editor is read-only."_s);
    QCOMPARE(editor.text(), u"{ viewer { id } }"_s);
}

QTEST_MAIN(FieldInserterTest)
#include "fieldinserter_test.moc"
