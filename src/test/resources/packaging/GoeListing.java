import java.util.Set;
import weka.core.PluginManager;
import weka.core.WekaPackageManager;
import weka.gui.GenericObjectEditor;

/**
 * Prints the classes Weka's GenericObjectEditor offers for each interface named on the command
 * line, after loading the installed packages as the Explorer does. Run by PackageInstallIT in Java's
 * single-file source mode, so that no test class (and no JUnit) sits on the class path Weka scans.
 */
final class GoeListing {

  private GoeListing() {
  }

  public static void main(String[] args) {
    WekaPackageManager.loadPackages(false, true, false);
    GenericObjectEditor.determineClasses();
    for (String type : args) {
      Set<String> names = PluginManager.getPluginNamesOfType(type);
      if (names == null) {
        continue;
      }
      for (String name : names) {
        System.out.println(type + " " + name);
      }
    }
  }
}
