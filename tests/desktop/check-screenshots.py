#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The store page and the README show the same, current screenshots, and the
metainfo's newest release is the version being built.

  - every <screenshot> of the metainfo names a PNG in data/screenshots/ that
    exists, with its true width and height, a size software centres show well
    (1000 to 1600 pixels wide, about 3:2) and at most 200 kB;
  - one of them is the default, each has a caption without a final full stop;
  - no PNG in data/screenshots/ is left out;
  - README's "Screenshots" section shows each one, in the metainfo's order,
    with the metainfo's caption as its text;
  - the first <release> is the project's version, dated YYYY-MM-DD, and the
    releases go from the newest to the oldest.

Usage: check-screenshots.py METAINFO_IN SCREENSHOTS_DIR README VERSION"""

import os
import re
import struct
import sys
import xml.etree.ElementTree as ET

MAX_BYTES = 200 * 1024


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def version_key(version):
    return [int(part) for part in version.split('.')]


def main():
    metainfo, shots_dir, readme, version = sys.argv[1:5]
    failures = []

    root = ET.parse(metainfo).getroot()
    shots = root.findall('./screenshots/screenshot')
    if not shots:
        failures.append('the metainfo has no screenshots')

    names = []
    captions = []
    defaults = 0
    for shot in shots:
        if shot.get('type') == 'default':
            defaults += 1
        image = shot.find('image')
        caption = shot.find('caption')
        url = image.text.strip() if image is not None and image.text else ''
        name = url.rsplit('/', 1)[-1]
        names.append(name)
        text = caption.text.strip() if caption is not None and caption.text else ''
        captions.append(text)
        if not url.endswith('/data/screenshots/' + name) or not name.endswith('.png'):
            failures.append('%s: not a PNG of data/screenshots/' % url)
            continue
        if not text:
            failures.append('%s has no caption' % name)
        elif text.endswith('.'):
            failures.append('%s: the caption ends with a full stop: %r' % (name, text))

        path = os.path.join(shots_dir, name)
        if not os.path.exists(path):
            failures.append('%s does not exist' % path)
            continue
        size = png_size(path)
        if size is None:
            failures.append('%s is not a PNG' % path)
            continue
        width, height = size
        nbytes = os.path.getsize(path)
        print('%s: %d × %d, %d bytes, “%s”' % (name, width, height, nbytes, text))
        if (image.get('width'), image.get('height')) != (str(width), str(height)):
            failures.append('%s: the metainfo says %s × %s, the image is %d × %d'
                            % (name, image.get('width'), image.get('height'), width, height))
        if not 1000 <= width <= 1600:
            failures.append('%s: %d pixels wide, not 1000 to 1600' % (name, width))
        if not 1.3 <= width / height <= 1.8:
            failures.append('%s: %d × %d is not about 3:2' % (name, width, height))
        if nbytes > MAX_BYTES:
            failures.append('%s: %d bytes, more than %d (tools/screenshots optimises them)'
                            % (name, nbytes, MAX_BYTES))

    if defaults != 1:
        failures.append('%d screenshots are the default, not one' % defaults)

    for name in sorted(os.listdir(shots_dir)):
        if name.endswith('.png') and name not in names:
            failures.append('data/screenshots/%s is in no <screenshot> of the metainfo' % name)

    with open(readme, encoding='utf-8') as f:
        text = f.read()
    section = re.search(r'^## Screenshots\n(.*?)^## ', text, re.DOTALL | re.MULTILINE)
    if section is None:
        failures.append('README has no "## Screenshots" section')
    else:
        shown = re.findall(r'!\[([^\]]*)\]\(data/screenshots/([^)]+)\)', section.group(1))
        expected = list(zip(captions, names))
        if shown != expected:
            failures.append('README shows %r, the metainfo %r' % (shown, expected))

    releases = root.findall('./releases/release')
    if not releases:
        failures.append('the metainfo has no <release>')
    else:
        newest = releases[0].get('version')
        if newest != version:
            failures.append('the newest <release> is %s, the project is %s' % (newest, version))
        for release in releases:
            if not re.fullmatch(r'\d{4}-\d{2}-\d{2}', release.get('date') or ''):
                failures.append('release %s: date %r is not YYYY-MM-DD'
                                % (release.get('version'), release.get('date')))
        order = [version_key(r.get('version')) for r in releases]
        if order != sorted(order, reverse=True):
            failures.append('the releases are not from the newest to the oldest: %s'
                            % [r.get('version') for r in releases])

    for failure in failures:
        print('FAIL', failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
