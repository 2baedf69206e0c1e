using SalesCoach.Bot.Cards;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class GuidanceMarkdownTests
{
    [Fact]
    public void ToCardMarkdown_HardWrappedLines_JoinIntoParagraphs()
    {
        var markdown = "Find out whether this is real.\nAsk about **budget**.\n\nThen put the value\non the lead.";

        Assert.Equal("Find out whether this is real. Ask about **budget**.\n\nThen put the value on the lead.", GuidanceMarkdown.ToCardMarkdown(markdown));
    }

    [Fact]
    public void ToCardMarkdown_Headings_BecomeBoldLines()
    {
        Assert.Equal("**Before the call**\n\nRead their site.", GuidanceMarkdown.ToCardMarkdown("## Before the **call** ##\nRead their site."));
    }

    [Fact]
    public void ToCardMarkdown_Lists_UseTheCardListForms()
    {
        var markdown = "Bring:\n* the agenda\n+ two slots\n  that suit them\n\n1) intro\n2) demo";

        Assert.Equal("Bring:\n\n- the agenda\n- two slots that suit them\n\n1. intro\n2. demo", GuidanceMarkdown.ToCardMarkdown(markdown));
    }

    [Fact]
    public void ToCardMarkdown_EmphasisForms_BecomeTheOnesCardsRender()
    {
        Assert.Equal("**bold** and _italic_ and **strong** and _it_", GuidanceMarkdown.ToCardMarkdown("**bold** and *italic* and __strong__ and _it_"));
    }

    [Fact]
    public void ToCardMarkdown_Links_KeepOnlyWebAndMailTargets()
    {
        Assert.Equal(
            "See [the playbook](https://example.com/play), [mail us](mailto:sales@example.com), click me and [https://example.com](https://example.com)",
            GuidanceMarkdown.ToCardMarkdown("See [the playbook](https://example.com/play \"Play\"), [mail us](mailto:sales@example.com), [click me](javascript:alert(1)) and <https://example.com>"));
    }

    [Fact]
    public void ToCardMarkdown_WhatCardsCannotShow_KeepsOnlyItsText()
    {
        var markdown = "![logo](https://x/logo.png) Use `CRM` <b>now</b>, ~~not later~~.\n\n> Quote me\n\n```\ncode line\n```\n\n| Stage | Owner |\n|---|---|\n| Demo | Ana |\n\n---\nEnd";

        Assert.Equal(
            "logo Use CRM now, not later.\n\nQuote me\n\ncode line\n\nStage · Owner\n\nDemo · Ana\n\nEnd",
            GuidanceMarkdown.ToCardMarkdown(markdown));
    }

    [Fact]
    public void ToCardMarkdown_LongGuidance_IsCutAtAWordWithAnEllipsis()
    {
        var markdown = string.Join("\n\n", Enumerable.Repeat("Ask about budget, authority, need and timing.", 20));

        var text = GuidanceMarkdown.ToCardMarkdown(markdown, maxLength: 120);

        Assert.True(text.Length <= 120, text);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.StartsWith("Ask about budget, authority, need and timing.\n\nAsk about budget", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void ToCardMarkdown_NoGuidance_IsEmpty(string? markdown)
    {
        Assert.Equal("", GuidanceMarkdown.ToCardMarkdown(markdown));
    }
}
