using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Tests.Anatomy;

public sealed class AnatomyParserErrorTests
{
    private static AnatomyDiagnostic SingleError(string yaml)
    {
        var result = AnatomyParser.Parse(yaml);
        Assert.Null(result.Anatomy);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    private static void AssertError(AnatomyDiagnostic error, string code, int line, int column)
    {
        Assert.Equal(code, error.Code);
        Assert.Equal(new SourcePosition(line, column), error.Position);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    [Fact]
    public void UnknownKey_IsReportedAtTheKeyWithASuggestion()
    {
        var error = SingleError("""
            version: 1
            outcomes:
              - id: OUT-A
                name: Outcome A
                metrc: Days
            """);

        AssertError(error, "unknown-key", 5, 5);
        Assert.Contains("outcomes[0]: unknown key 'metrc' (did you mean 'metric'?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_AtTheTopLevel_NamesTheCloseMatch()
    {
        var error = SingleError("""
            version: 1
            valuestreams: []
            """);

        AssertError(error, "unknown-key", 2, 1);
        Assert.Contains("did you mean 'valueStreams'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKey_IsReportedAtTheSecondKey()
    {
        var error = SingleError("""
            version: 1
            version: 1
            """);

        AssertError(error, "duplicate-key", 2, 1);
        Assert.Contains("first at 1:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongType_ListWhereTextIsExpected_IsReportedAtTheValue()
    {
        var error = SingleError("""
            version: 1
            outcomes:
              - id: OUT-A
                name: [not, text]
            """);

        AssertError(error, "wrong-type", 4, 11);
        Assert.Contains("outcomes[0].name: expected text, found a list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongType_TextWhereAListIsExpected_IsReported()
    {
        var error = SingleError("""
            version: 1
            outcomes:
              - id: OUT-A
                name: A
                aliases: just one
            """);

        AssertError(error, "wrong-type", 5, 14);
    }

    [Fact]
    public void WrongType_SectionThatIsNotAList_IsReported()
    {
        var error = SingleError("""
            version: 1
            components:
              id: C-A
            """);

        AssertError(error, "wrong-type", 3, 3);
    }

    [Fact]
    public void WrongType_BooleanWhereTextIsExpected_SuggestsQuotes()
    {
        var error = SingleError("""
            version: 1
            outcomes:
              - id: OUT-A
                name: yes-but
                owner: true
            """);

        AssertError(error, "wrong-type", 5, 12);
        Assert.Contains("quotes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingField_IsReportedAtTheElement()
    {
        var error = SingleError("""
            version: 1
            logic:
              - id: LG-A
                kind: rule
            """);

        AssertError(error, "missing-field", 3, 5);
        Assert.Contains("logic[0]: 'name' is required", error.Message, StringComparison.Ordinal);
        Assert.Equal("LG-A", error.ElementId);
    }

    [Fact]
    public void MissingVersion_IsReported()
    {
        var error = SingleError("outcomes: []\n");

        AssertError(error, "missing-field", 1, 1);
    }

    [Theory]
    [InlineData("version: 2", "invalid-value")]
    [InlineData("version: '1'", "wrong-type")]
    [InlineData("version: [1]", "wrong-type")]
    public void WrongVersion_IsReported(string yaml, string code)
    {
        var error = SingleError(yaml);

        AssertError(error, code, 1, 10);
    }

    [Fact]
    public void InvalidKind_IsReportedWithTheAllowedValues()
    {
        var error = SingleError("""
            version: 1
            components:
              - id: C-A
                name: A
                kind: dat
            """);

        AssertError(error, "invalid-value", 5, 11);
        Assert.Contains("data | rule | event", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'data'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("OUT A")]
    [InlineData("OUT-")]
    public void InvalidId_IsReported(string id)
    {
        var error = SingleError($"version: 1\noutcomes:\n  - id: '{id}'\n    name: A\n");

        AssertError(error, "invalid-value", 3, 9);
    }

    [Fact]
    public void DuplicateId_AcrossSectionsAndIgnoringCase_IsReportedAtTheSecond()
    {
        var error = SingleError("""
            version: 1
            outcomes:
              - id: SHARED
                name: Outcome
            components:
              - id: shared
                name: Component
                kind: data
            """);

        AssertError(error, "duplicate-id", 6, 9);
        Assert.Contains("outcome at 3:9", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("valueStreams:\n  - id: VS\n    name: V\n    outcomes: [OUT-NOPE]\n", 4, 16)]
    [InlineData("valueStreams:\n  - id: VS\n    name: V\n    stages:\n      - id: ST\n        name: S\n        outcomes: [OUT-NOPE]\n", 7, 20)]
    [InlineData("valueStreams:\n  - id: VS\n    name: V\n    stages:\n      - id: ST\n        name: S\n        logic: [LG-NOPE]\n", 7, 17)]
    [InlineData("logic:\n  - id: LG\n    name: L\n    kind: rule\n    components: [C-NOPE]\n", 5, 18)]
    public void UnknownId_InEachReferenceList_IsReportedAtTheReference(string body, int line, int column)
    {
        var error = SingleError("version: 1\n" + body);

        AssertError(error, "unknown-id", line + 1, column);
    }

    [Fact]
    public void UnknownId_NamingAnElementOfAnotherLayer_SaysWhatItIs()
    {
        var error = SingleError("""
            version: 1
            logic:
              - id: LG-A
                name: L
                kind: rule
                components: [LG-A]
            """);

        AssertError(error, "unknown-id", 6, 18);
        Assert.Contains("it is a logic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownId_CloseToADeclaredOne_SuggestsIt()
    {
        var error = SingleError("""
            version: 1
            components:
              - id: C-PRICING
                name: P
                kind: rule
            logic:
              - id: LG-A
                name: L
                kind: rule
                components: [C-PRICNG]
            """);

        Assert.Contains("did you mean 'C-PRICING'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyErrors_AreAllReportedAtOnceInFileOrder()
    {
        var result = AnatomyParser.Parse("""
            version: 3
            outcomes:
              - id: OUT-A
                colour: red
            valueStreams:
              - id: VS-A
                name: Stream
                stages:
                  - id: OUT-A
                    name: Clash
                    logic: [LG-MISSING]
            logic:
              - id: LG-X
                name: X
                kind: magic
            """);

        Assert.Null(result.Anatomy);
        Assert.Equal(
            [
                ("invalid-value", 1, 10),
                ("missing-field", 3, 5),
                ("unknown-key", 4, 5),
                ("duplicate-id", 9, 13),
                ("unknown-id", 11, 17),
                ("invalid-value", 15, 11),
            ],
            result.Errors.Select(e => (e.Code, e.Position.Line, e.Position.Column)));
    }

    [Fact]
    public void YamlSyntaxError_IsOneDiagnosticWithAPosition()
    {
        var error = SingleError("version: 1\noutcomes: [unclosed\n");

        Assert.Equal("yaml-syntax", error.Code);
        Assert.True(error.Position.Line >= 2, error.Position.ToString());
        Assert.DoesNotContain("(Line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TabIndentation_IsAYamlSyntaxError()
    {
        var error = SingleError("version: 1\noutcomes:\n\t- id: A\n");

        Assert.Equal("yaml-syntax", error.Code);
    }

    [Fact]
    public void SecondDocument_IsRejected()
    {
        var error = SingleError("version: 1\n---\nversion: 1\n");

        AssertError(error, "yaml-syntax", 2, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void EmptyDocument_IsReported(string yaml)
    {
        var error = SingleError(yaml);

        AssertError(error, "empty-document", 1, 1);
    }

    [Theory]
    [InlineData("just text")]
    [InlineData("- a\n- b\n")]
    public void RootThatIsNotAMapping_IsAWrongType(string yaml)
    {
        var error = SingleError(yaml);

        AssertError(error, "wrong-type", 1, 1);
    }
}
