using System.Runtime.InteropServices;
using Orleans.Serialization;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Session;
using Orleans.Storage;

namespace SalesCoach.Storage;

/// <summary>
/// Grain state in the Orleans binary format, written through the serializer's pooled buffer into one
/// array of the exact size. Orleans' own <see cref="OrleansGrainStorageSerializer"/> writes into a new
/// <c>ArrayBufferWriter</c> that grows by doubling, and each provider then copied that into an array:
/// two to four copies of every state on every write. The bytes are the same, so either reads the other's rows.
/// The session's reference table is reused between writes (<see cref="PooledReferenceTable"/>).
/// </summary>
public sealed class ExactSizeGrainStorageSerializer(Serializer serializer, SerializerSessionPool sessions) : IGrainStorageSerializer
{
    /// <inheritdoc/>
    public BinaryData Serialize<T>(T? value)
    {
        using var session = sessions.GetSession();
        var lent = PooledReferenceTable.TryLend(session);
        var writer = Writer.CreatePooled(session);
        try
        {
            session.CodecProvider.GetCodec<T>().WriteField(ref writer, 0, typeof(T), value);
            writer.Commit();
            return new(writer.Output.ToArray());
        }
        finally
        {
            writer.Dispose();
            if (lent)
            {
                PooledReferenceTable.Return(session);
            }
        }
    }

    /// <inheritdoc/>
    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return serializer.Deserialize<T>(input.ToMemory());
    }

    /// <summary>
    /// The array behind <paramref name="data"/> when it is exactly that array (as this serializer's
    /// output is), so a provider can store it without another copy; otherwise a copy.
    /// </summary>
    public static byte[] ToArray(BinaryData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var memory = data.ToMemory();
        return MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();
    }
}
