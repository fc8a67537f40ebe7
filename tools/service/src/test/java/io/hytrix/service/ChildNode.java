package io.hytrix.service;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A node in a process of its own, for faults whose aftermath only a new process sees (Chronicle counts
 * a lock held by a live process as held): {@code ChildNode JOURNAL OUTPUTS serve} prints {@code url=…}
 * and serves until its standard input closes; {@code ChildNode JOURNAL OUTPUTS restart} only recovers
 * (re-recording what the outputs lack). Both then print the node's summary line and exit.
 */
public final class ChildNode
{
    private ChildNode()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        final ServiceSettings settings = TestServer.quietSettings(Path.of(args[0])).withNode(node -> node
            .with(new OutputSettings(Path.of(args[1]), 10)).withSnapshots(s -> SnapshotSettings.NONE).withMinFreeDiskBytes(0))
            .withHttp(http -> http.withAddress("127.0.0.1", 0));
        try (HttpService service = HttpService.start(settings))
        {
            if ("serve".equals(args[2]))
            {
                System.out.println("url=" + service.url());
                System.out.flush();
                while (System.in.read() != -1)
                {
                    // serve until the parent closes our input
                }
            }
            System.out.println(service.stop().lastLine());
        }
        System.exit(0);
    }
}
