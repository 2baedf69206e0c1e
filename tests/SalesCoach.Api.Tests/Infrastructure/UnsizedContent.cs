using System.Net;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>A body whose length is not announced (sent chunked), so a server can only find its size by reading it.</summary>
public sealed class UnsizedContent : HttpContent
{
    private readonly byte[] _bytes;

    public UnsizedContent(byte[] bytes, string mediaType)
    {
        _bytes = bytes;
        Headers.ContentType = new(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
