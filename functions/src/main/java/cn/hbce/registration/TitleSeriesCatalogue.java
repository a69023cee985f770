package cn.hbce.registration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** 职称系列 and their levels, from reference data (the national list changes; code does not). */
public final class TitleSeriesCatalogue {
    private final List<Series> series;

    public record Series(String name, List<String> levels) {
    }

    private TitleSeriesCatalogue(List<Series> series) {
        this.series = List.copyOf(series);
    }

    public static TitleSeriesCatalogue load() {
        try (InputStream in = TitleSeriesCatalogue.class.getResourceAsStream("/reference/title-series.json")) {
            if (in == null) {
                throw new IllegalStateException("reference/title-series.json missing from the classpath");
            }
            return new TitleSeriesCatalogue(new ObjectMapper().readValue(in, new TypeReference<List<Series>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean valid(String seriesName, String level) {
        return series.stream().anyMatch(s -> s.name().equals(seriesName) && s.levels().contains(level));
    }

    public List<Series> all() {
        return series;
    }
}
