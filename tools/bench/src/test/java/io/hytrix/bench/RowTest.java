package io.hytrix.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowTest
{
    @Test
    void verdictsSayByHowMuch()
    {
        assertThat(Row.atLeast("x", "x", 1_000_000, "cmd/s", 2_000_000, ">= 2M", "").verdict()).startsWith("MISSED by 50%");
        assertThat(Row.atMost("y", "y", 120, "us", 50, "<= 50 us", "").verdict()).isEqualTo("MISSED by 70 us (2.4x over)");
        assertThat(Row.atMost("z", "z", 0, "B/cmd", 0, "0 B/cmd", "").verdict()).isEqualTo("met");
    }
}
