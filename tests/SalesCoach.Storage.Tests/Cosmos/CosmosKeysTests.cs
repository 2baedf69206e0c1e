using Orleans.Runtime;
using SalesCoach.Storage.Cosmos;

namespace SalesCoach.Storage.Tests.Cosmos;

[Trait("Category", "Cosmos")]
public sealed class CosmosKeysTests
{
    [Theory]
    [InlineData("acme-2026_v1.0@contoso", "acme-2026_v1.0@contoso")]
    [InlineData("lead/acme", "lead~2Facme")]
    [InlineData("a%b?c#d\\e:f", "a~25b~3Fc~23d~5Ce~3Af")]
    [InlineData("Ä", "~C3~84")]
    public void Escape_Value_KeepsSafeCharactersAndHexesTheRest(string value, string expected)
        => Assert.Equal(expected, CosmosKeys.Escape(value));

    [Fact]
    public void GrainStateId_DifferentParts_NeverCollide()
    {
        var grainId = GrainId.Create("lead", "x");

        Assert.NotEqual(CosmosKeys.GrainStateId("s", "a:b", grainId), CosmosKeys.GrainStateId("s:a", "b", grainId));
        Assert.DoesNotContain('/', CosmosKeys.GrainStateId("s", "lead", grainId));
    }

    [Fact]
    public void GrainStateId_OverTheIdLimit_BecomesAHashWithoutSeparators()
    {
        var id = CosmosKeys.GrainStateId("s", "lead", GrainId.Create("lead", new string('x', 2000)));

        Assert.StartsWith("sha256-", id, StringComparison.Ordinal);
        Assert.DoesNotContain(':', id);
        Assert.True(id.Length < 100);
    }

    [Fact]
    public void RingSlices_RangeInsideOneBucket_IsOneSliceAfterBegin()
    {
        var slice = Assert.Single(CosmosKeys.RingSlices(0x10, 0x20));

        Assert.Equal(new RingSlice(0, 0x11, 0x20), slice);
    }

    [Fact]
    public void RingSlices_RangeAcrossBuckets_SplitsAtBucketEdges()
    {
        var slices = CosmosKeys.RingSlices(0x0FFF_FFF0, 0x3000_0005).ToList();

        Assert.Equal(
            [new RingSlice(0, 0x0FFF_FFF1, 0x0FFF_FFFF), new RingSlice(1, 0x1000_0000, 0x1FFF_FFFF),
             new RingSlice(2, 0x2000_0000, 0x2FFF_FFFF), new RingSlice(3, 0x3000_0000, 0x3000_0005)],
            slices);
    }

    [Fact]
    public void RingSlices_BeginAboveEnd_WrapsPastMaxValue()
    {
        var slices = CosmosKeys.RingSlices(0xF000_0000, 0x0000_0010).ToList();

        Assert.Equal([new RingSlice(15, 0xF000_0001, uint.MaxValue), new RingSlice(0, 0, 0x10)], slices);
    }

    [Fact]
    public void RingSlices_BeginEqualsEnd_CoversTheWholeRingOnce()
    {
        var slices = CosmosKeys.RingSlices(0x8000_0000, 0x8000_0000).ToList();

        Assert.Equal(CosmosKeys.ReminderBuckets + 1, slices.Count); // bucket 8 is cut in two at the begin
        Assert.Equal(uint.MaxValue, slices.Aggregate(0UL, (sum, s) => sum + s.High - s.Low + 1) - 1);
    }

    [Fact]
    public void RingSlices_BeginAtMaxValue_StartsFromZero()
    {
        var slice = Assert.Single(CosmosKeys.RingSlices(uint.MaxValue, 5));

        Assert.Equal(new RingSlice(0, 0, 5), slice);
    }

    [Fact]
    public void Bucket_Hash_IsItsTopFourBits()
    {
        Assert.Equal(0, CosmosKeys.Bucket(0x0FFF_FFFF));
        Assert.Equal(15, CosmosKeys.Bucket(uint.MaxValue));
    }
}
