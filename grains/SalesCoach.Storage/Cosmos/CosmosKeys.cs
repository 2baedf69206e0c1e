using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Orleans.Runtime;

namespace SalesCoach.Storage.Cosmos;

/// <summary>
/// Item ids, partition keys and the ring buckets of the Cosmos DB providers.
/// </summary>
/// <remarks>
/// Reminders are partitioned by service id and the top <see cref="ReminderBucketBits"/> bits of the grain's
/// ring hash, so every read the reminder service makes stays inside logical partitions it can name: a
/// grain's reminders live in one bucket, and a ring range covers a contiguous run of buckets. Changing the
/// number of buckets re-homes every reminder, so it is a constant, not an option.
/// </remarks>
internal static class CosmosKeys
{
    /// <summary>The reminder container has 2^4 = 16 buckets per service id.</summary>
    public const int ReminderBucketBits = 4;

    /// <summary>The number of reminder buckets per service id.</summary>
    public const int ReminderBuckets = 1 << ReminderBucketBits;

    private const int MaxIdBytes = 1023;
    private const int BucketShift = 32 - ReminderBucketBits;
    private const uint BucketSpan = uint.MaxValue >> ReminderBucketBits;

    /// <summary>The id (and partition key) of one grain's state under one state name.</summary>
    public static string GrainStateId(string serviceId, string stateName, GrainId grainId)
        => Limit($"{Escape(serviceId)}:{Escape(stateName)}:{Escape(grainId.ToString())}");

    /// <summary>The id of a reminder, unique within its partition.</summary>
    public static string ReminderId(GrainId grainId, string reminderName)
        => Limit($"{Escape(grainId.ToString())}:{Escape(reminderName)}");

    /// <summary>The partition key of a reminder bucket.</summary>
    public static string ReminderPartition(string serviceId, int bucket) => $"{Escape(serviceId)}:{bucket:x}";

    /// <summary>The bucket of a ring hash.</summary>
    public static int Bucket(uint hash) => (int)(hash >> BucketShift);

    /// <summary>
    /// The ring range <c>(begin, end]</c> as inclusive hash slices, each inside one bucket. When
    /// <paramref name="begin"/> is not below <paramref name="end"/> the range wraps past <see cref="uint.MaxValue"/>,
    /// and <c>begin == end</c> is the whole ring.
    /// </summary>
    public static IEnumerable<RingSlice> RingSlices(uint begin, uint end)
    {
        if (begin < end)
        {
            return Slices(begin + 1, end);
        }

        var head = begin < uint.MaxValue ? Slices(begin + 1, uint.MaxValue) : [];
        return head.Concat(Slices(0, end));
    }

    /// <summary>
    /// Makes a value safe inside an id and a URL: letters, digits and <c>- _ . @</c> stay, every other UTF-8 byte
    /// becomes <c>~XX</c>. Cosmos DB ids may not contain / \ ? #, and a '%' in an id breaks requests that carry
    /// the id in their URL, so escaping stays clear of both; ':' separates the parts of an id.
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.All(IsKept))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        var runes = value.EnumerateRunes();
        foreach (var rune in runes)
        {
            if (rune.IsAscii && IsKept((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..count])
            {
                builder.Append('~').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool IsKept(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@';

    // Ids over Cosmos DB's limit become a hash of themselves; such an id has no ':', so it cannot collide with a readable one.
    private static string Limit(string id)
        => Encoding.UTF8.GetByteCount(id) <= MaxIdBytes
            ? id
            : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static IEnumerable<RingSlice> Slices(uint low, uint high)
    {
        for (var bucket = Bucket(low); bucket <= Bucket(high); bucket++)
        {
            var bucketLow = (uint)bucket << BucketShift;
            yield return new RingSlice(bucket, Math.Max(low, bucketLow), Math.Min(high, bucketLow + BucketSpan));
        }
    }
}

/// <summary>The hashes <c>[Low, High]</c> of one reminder bucket.</summary>
internal readonly record struct RingSlice(int Bucket, uint Low, uint High);
