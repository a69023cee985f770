package cn.hbce.devserver.template;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Loads a CloudFormation/SAM YAML file, turning short-form tags (!Ref, !Sub, …) into their long form. */
public final class CfnYaml {
    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue",
            "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or");

    private CfnYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            return (Map<String, Object>) new Yaml(new Constructor(options), new org.yaml.snakeyaml.representer.Representer(
                    new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Wrap("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Wrap("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (String fn : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + fn), new Wrap("Fn::" + fn));
            }
        }

        private Object plain(Node node) {
            if (node instanceof ScalarNode s) {
                return s.getValue();
            }
            if (node instanceof SequenceNode seq) {
                return constructSequence(seq);
            }
            return constructMapping((MappingNode) node);
        }

        private final class Wrap extends AbstractConstruct {
            private final String key;

            Wrap(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(key, plain(node));
            }
        }

        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = plain(node);
                if (value instanceof String s) {
                    int dot = s.indexOf('.');
                    value = List.of(s.substring(0, dot), s.substring(dot + 1));
                }
                return Map.of("Fn::GetAtt", value);
            }
        }
    }
}
