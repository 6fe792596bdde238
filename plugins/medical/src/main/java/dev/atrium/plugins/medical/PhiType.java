package dev.atrium.plugins.medical;

/**
 * The kinds of protected health information the guard removes: the HIPAA Safe Harbor identifiers that occur in
 * clinical text (photographs and biometrics do not), plus the Chinese resident ID number.
 */
enum PhiType {
    NAME, DATE, AGE, ADDRESS, ZIP, PHONE, FAX, EMAIL, URL, IP, SSN, ID, MRN, ACCOUNT, LICENSE, VEHICLE, DEVICE;

    /** The placeholder of the n-th distinct value of this type, such as {@code [NAME_1]}. */
    String placeholder(int n) {
        return "[" + name() + "_" + n + "]";
    }
}
