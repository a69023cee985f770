package cn.hbce.emulator.sfn.definition;

/** InputPath and OutputPath; a null value stands for an explicit JSON null ({@code {}} is passed on). */
public record IoPaths(String inputPath, String outputPath) {

    public static final IoPaths DEFAULT = new IoPaths("$", "$");
}
