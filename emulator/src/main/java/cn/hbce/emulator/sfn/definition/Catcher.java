package cn.hbce.emulator.sfn.definition;

import cn.hbce.emulator.sfn.json.ReferencePath;
import java.util.List;

/** One element of a Catch field; a null resultPath discards the error output. */
public record Catcher(List<String> errorEquals, ReferencePath resultPath, String next) {
}
