namespace SchoolTwitter.Cli.Checking;

/// <summary>
/// Streams a JSON Lines input one line at a time without holding the file: a growing buffer keeps at most one line
/// (capped at <c>maxLineBytes</c>; a longer line is skipped to its end and reported as too long).
/// </summary>
internal static class JsonLinesSplitter
{
    public delegate void LineHandler(ReadOnlySpan<byte> line, long lineNumber, bool tooLong);

    public static void ForEachLine(Stream input, int maxLineBytes, LineHandler onLine)
    {
        var buffer = new byte[Math.Min(64 * 1024, maxLineBytes)];
        int start = 0, end = 0;
        long lineNumber = 0;
        var discarding = false;
        var endOfInput = false;

        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                lineNumber++;
                onLine(discarding ? [] : TrimCarriageReturn(buffer.AsSpan(start, newline)), lineNumber, discarding);
                discarding = false;
                start += newline + 1;
                continue;
            }
            if (endOfInput)
            {
                if (end > start || discarding)
                {
                    lineNumber++;
                    onLine(discarding ? [] : TrimCarriageReturn(buffer.AsSpan(start, end - start)), lineNumber, discarding);
                }
                return;
            }

            // No whole line left in the buffer: keep the partial line, make room, read more.
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length)
            {
                if (buffer.Length >= maxLineBytes)
                {
                    discarding = true;
                    end = 0;
                }
                else
                {
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxLineBytes));
                }
            }
            var read = input.Read(buffer, end, buffer.Length - end);
            if (read == 0) endOfInput = true;
            else end += read;
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
