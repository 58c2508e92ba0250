package org.guichet.gateway.attachment;

import java.util.Locale;
import java.util.Set;

/**
 * File extensions and declared types that run code when opened on an agent's computer, and
 * are refused whatever the settings say: Windows executables and installers, scripts the
 * Windows Script Host, PowerShell or a shell runs, HTML applications, shortcuts, Java
 * archives, macro-enabled Office documents, and disk images that Windows mounts with one
 * click (a common way to carry executables past mail filters).
 */
final class ExecutableNames {

    private static final Set<String> EXTENSIONS = Set.of(
            "exe", "com", "scr", "pif", "cpl", "dll", "sys", "drv", "ocx", "msi", "msp", "mst", "msc", "appx",
            "msix", "appxbundle", "msixbundle", "bat", "cmd", "js", "jse", "mjs", "vbs", "vbe", "vb", "wsf",
            "wsh", "wsc", "ws", "ps1", "ps1xml", "ps2", "psc1", "psm1", "psd1", "hta", "lnk", "url", "scf",
            "reg", "inf", "application", "gadget", "jar", "jnlp", "class", "apk", "app", "command", "sh", "bash",
            "csh", "ksh", "zsh", "run", "bin", "elf", "py", "pyw", "pl", "rb", "php", "iso", "img", "vhd", "vhdx",
            "docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppam", "ppsm", "sldm", "chm", "library-ms",
            "settingcontent-ms", "mht", "mhtml", "xbap", "xll", "one");

    private static final Set<String> TYPES = Set.of(
            "application/x-msdownload", "application/x-msdos-program", "application/x-dosexec",
            "application/vnd.microsoft.portable-executable", "application/x-executable", "application/x-elf",
            "application/x-mach-binary", "application/x-sh", "application/x-shellscript", "application/x-csh",
            "application/javascript", "application/x-javascript", "text/javascript", "application/ecmascript",
            "text/vbscript", "application/x-vbscript", "application/hta", "application/x-ms-shortcut",
            "application/java-archive", "application/x-java-archive", "application/vnd.android.package-archive",
            "application/x-msi", "application/x-ms-installer", "application/x-bat", "application/x-powershell",
            "application/vnd.ms-word.document.macroenabled.12", "application/vnd.ms-excel.sheet.macroenabled.12",
            "application/vnd.ms-powerpoint.presentation.macroenabled.12");

    private ExecutableNames() {
    }

    /** Whether a file with this extension (lower case, no dot) is always refused. */
    static boolean refused(String extension) {
        return extension != null && EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** Whether a file declared with this media type is always refused. */
    static boolean refusedType(String type) {
        return type != null && TYPES.contains(type.toLowerCase(Locale.ROOT));
    }
}
