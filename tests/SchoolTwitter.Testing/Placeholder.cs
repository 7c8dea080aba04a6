namespace SchoolTwitter.Testing;
