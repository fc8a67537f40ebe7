package io.hytrix.service;

import java.nio.file.Path;

/**
 * A node started and stopped in a process of its own: {@code RestartOnce JOURNAL OUTPUTS} recovers (and
 * so re-records the outputs the journal has and they lack), then prints its summary line. A restart
 * after a fault must be a new process: locks Chronicle held in the old one count as held in it.
 */
public final class RestartOnce
{
    private RestartOnce()
    {
    }

    public static void main(final String[] args)
    {
        final ServiceSettings settings = TestServer.quietSettings(Path.of(args[0])).withNode(node -> node
            .with(new OutputSettings(Path.of(args[1]), 10)).withSnapshots(s -> SnapshotSettings.NONE).withMinFreeDiskBytes(0))
            .withHttp(http -> http.withAddress("127.0.0.1", 0));
        try (HttpService service = HttpService.start(settings))
        {
            System.out.println(service.stop().lastLine());
        }
        System.exit(0);
    }
}
