using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Rampart.Dns.Http;

/// <summary>
/// Linux epoll, called directly: one loop thread waits on many connections and handles everything
/// that became readable in one pass, so a pass's hits go to the spool in one write. (.NET's own
/// socket engine dispatches each completion to the thread pool separately, costing more CPU per
/// request than nginx spends in total.) <c>struct epoll_event</c> is packed on x86-64 (12 bytes) and
/// naturally aligned elsewhere (16), so events are read from bytes.
/// </summary>
internal static partial class Epoll
{
    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Error = 0x008;
    public const uint Hangup = 0x010;
    public const uint ReadHangup = 0x2000;

    public const int Add = 1;
    public const int Delete = 2;
    public const int Modify = 3;

    private const int CloseOnExec = 0x80000;
    private const int Interrupted = 4;

    public static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    private static readonly int DataOffset = EventSize == 12 ? 4 : 8;

    public static bool IsSupported => OperatingSystem.IsLinux();

    public static int Create()
    {
        var fd = epoll_create1(CloseOnExec);
        return fd >= 0 ? fd : throw new IOException($"epoll_create1 failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public static void Control(int epoll, int operation, int fd, uint events)
    {
        Span<byte> ev = stackalloc byte[16];
        ev.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, events);
        BinaryPrimitives.WriteInt64LittleEndian(ev[DataOffset..], fd);
        if (epoll_ctl(epoll, operation, fd, ev) != 0)
        {
            throw new IOException($"epoll_ctl({operation}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/>; the number of events in <paramref name="events"/> (0 on timeout or a signal).</summary>
    public static int Wait(int epoll, Span<byte> events, int timeoutMilliseconds)
    {
        var count = epoll_wait(epoll, events, events.Length / EventSize, timeoutMilliseconds);
        if (count >= 0)
        {
            return count;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == Interrupted ? 0 : throw new IOException($"epoll_wait failed: errno {errno}");
    }

    public static (uint Events, int Fd) Event(ReadOnlySpan<byte> events, int index)
    {
        var ev = events.Slice(index * EventSize, EventSize);
        return (BinaryPrimitives.ReadUInt32LittleEndian(ev), (int)BinaryPrimitives.ReadInt64LittleEndian(ev[DataOffset..]));
    }

    public static void Close(int fd) => _ = close(fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_ctl(int epfd, int op, int fd, ReadOnlySpan<byte> ev);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_wait(int epfd, Span<byte> events, int maxevents, int timeout);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
