package dev.ascendcp.verification;

import dev.ascendcp.support.FormatSamples;
import dev.ascendcp.support.FormatSamples.Sample;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** Every sample of a format file as (position, sample) arguments, named by position and variant. */
final class Samples {

    private Samples() {}

    static Stream<Arguments> of(String file) {
        List<Sample> samples = FormatSamples.samples(file);
        return IntStream.range(0, samples.size())
                .mapToObj(i -> Arguments.of(i + 1, Named.of(shortName(samples.get(i)), samples.get(i))));
    }

    static int count(String file) {
        return FormatSamples.samples(file).size();
    }

    private static String shortName(Sample sample) {
        String v = sample.variant();
        return v.length() > 70 ? v.substring(0, 70) : v;
    }
}
